Content-Length: 169

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"file:///drafts","capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]}}}}Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: 799

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///drafts/council-vote.md","languageId":"markdown","version":1,"text":"# Council approves harbor budget after late-night vote\n\nThe Millbrook city council voted 5-2 on Tuesday to approve a $48 million\nbudget for the harbor district, ending a three-month standoff.\n\n\"This is the budget the harbor has been waiting for,\" said Mayor Dana\nOkafor, who cast the deciding vote. \"Nobody got everything they wanted.\"\n\nCouncilmember Priya Venkataraman, who voted against it, called the plan\n\"a gift to developers.\" She said the council had ignored residents who\nspoke at four public hearings.\n\n\"We heard them,\" Okafor said. \"We did not agree with all of them.\"\n\nThe budget takes effect July 1.\n"}}}Content-Length: 158

{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///drafts/council-vote.md"},"position":{"line":5,"character":12}}}Content-Length: 44

{"jsonrpc":"2.0","id":3,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}