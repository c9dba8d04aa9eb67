import json,re
arts={}
for l in open('/work/shared/corpus/polnear-train.jsonl'):
    a=json.loads(l); arts[a['id']]=a
ids=[l.strip() for l in open('sample_ids.txt')]
parts=[[] for _ in range(4)]
load=[0]*4
for i in sorted(ids,key=lambda i:-len(arts[i]['text'])):
    k=min(range(4),key=lambda k:load[k]); parts[k].append(i); load[k]+=len(arts[i]['text'])
print(load)
cap=re.compile(r"(?:[A-Z][\w’'\.-]*|(?<=\s)(?:de|van|von|bin|al|da|del|la|le|di|du|der)(?=\s+[A-Z]))(?:\s+(?:[A-Z][\w’'\.-]*|(?:de|van|von|bin|al|da|del|la|le|di|du|der|of|for|and)(?=\s+[A-Z])))*")
for n,part in enumerate(parts):
    with open(f'ner/part{n+1}.txt','w') as f:
        for i in sorted(part):
            t=arts[i]['text']
            runs=sorted(set(m.group(0).strip() for m in cap.finditer(t)))
            f.write(f'=== ARTICLE {i} ===\n{t}\n--- capitalised runs (candidates; may be wrong or partial) ---\n')
            f.write(' | '.join(runs)+'\n\n')
