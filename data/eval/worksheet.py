"""Builds identity-key worksheets from the corpus's train split (measuring only; not in the repo)."""
import json, hashlib, sys, os
arts=[json.loads(l) for l in open('/work/shared/corpus/polnear-train.jsonl')]
train=[a for a in arts if a['split']=='train' and any(q['speaker_spans'] for q in a['quotes'])]
def h(s): return hashlib.sha256(s.encode()).hexdigest()
by={}
for a in sorted(train,key=lambda a:h(a['id'])):
    by.setdefault(a['publisher'],[]).append(a)
chosen=[]
for p in sorted(by): chosen+=by[p][:37]
chosen.sort(key=lambda a:h('x'+a['id']))
PARTS=int(sys.argv[1]) if len(sys.argv)>1 else 7
parts=[[] for _ in range(PARTS)]
load=[0]*PARTS
for a in sorted(chosen,key=lambda a:-len(a['quotes'])):
    i=min(range(PARTS),key=lambda i:(load[i],len(parts[i])))
    parts[i].append(a); load[i]+=sum(1 for q in a['quotes'] if q['speaker_spans'])
print(len(chosen),load)
os.makedirs('sheets',exist_ok=True)
with open('sample_ids.txt','w') as f:
    for a in chosen: f.write(a['id']+'\n')
for n,part in enumerate(parts):
    with open(f'sheets/part{n+1}.txt','w') as f:
        for a in part:
            t=a['text']
            qs=[(i,q) for i,q in enumerate(a['quotes'],1)]
            # markers: quotes and speaker spans
            ins=[]
            for i,q in qs:
                ins.append((q['start'],0,f'⟦Q{i} '))
                ins.append((q['end'],1,f' Q{i}⟧'))
                for s,e in q['speaker_spans']:
                    ins.append((s,0,f'⟨S{i}: '))
                    ins.append((e,1,f'⟩'))
            ins.sort(key=lambda x:(x[0],-x[1]))
            out=[];last=0
            for pos,_,m in ins:
                out.append(t[last:pos]); out.append(m); last=pos
            out.append(t[last:])
            f.write(f'=== ARTICLE {a["id"]} ===\n')
            f.write(''.join(out)+'\n')
            f.write('--- quotes (Q#, kind, speaker as written, cue) ---\n')
            for i,q in qs:
                if q['speaker_spans']:
                    f.write(f'Q{i}\t{q["kind"]}\tspeaker={q["speaker_text"]!r}\tcue={q["cue"]!r}\n')
                else:
                    f.write(f'Q{i}\t{q["kind"]}\t(no source annotated: skip)\n')
            f.write('\n')
