Content-Length: 600000000

{"jsonrpc":"2.0"Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}