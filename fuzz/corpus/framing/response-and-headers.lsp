Content-Length: 41

{"jsonrpc":"2.0","id":"w1","result":null}Content-Length: 63

{"jsonrpc":"2.0","id":7,"error":{"code":-32601,"message":"no"}}content-length: 62
Content-Type: application/vscode-jsonrpc; charset=utf-8

{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}Content-Length: 95

{"jsonrpc":"2.0","method":"copydesk/malformedMessage","params":{"reason":"sent by the client"}}