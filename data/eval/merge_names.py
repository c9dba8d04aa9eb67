"""Merges the named-entity worksheets (one JSON Lines file per part) into
names-key.jsonl: for each article of the identity key, every person,
organisation, group and place it names, with every form it writes them in.
Names only, no article text.

    python3 data/eval/merge_names.py parts/*.jsonl > data/eval/names-key.jsonl
"""
import json
import sys

rows = []
for part in sys.argv[1:]:
    for line in open(part, encoding='utf-8'):
        rows.append(json.loads(line))
rows.sort(key=lambda r: r['id'])
for row in rows:
    names = [{'name': n['name'], 'kind': n['kind'], 'forms': n.get('forms', [])}
             for n in row['names']]
    print(json.dumps({'id': row['id'], 'names': names}, ensure_ascii=False))
