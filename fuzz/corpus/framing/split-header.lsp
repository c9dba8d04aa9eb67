Content-Length: 2

{}Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: 10

{"jsonrpc"