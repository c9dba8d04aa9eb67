Content-Length: 38

{"jsonrpc": "2.0", "id": 7, "method": Content-Length: 4

"ÿþ"Content-Length: 9

[1, 2, 3]Content-Length: 0

Content-Length: 5

   
garbage before a headerContent-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: +3

{} Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: 99999999999999999999999

X-Nonsense: 1

Content-Length 5

helloContent-Length: twelve

