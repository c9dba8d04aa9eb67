"""Merges the worksheet answers (one JSON Lines file per part) into
identity-key.jsonl, replacing each quote's number on the worksheet with its
code-point offsets in the corpus article, so the key holds ids, offsets and
names only.

    python3 data/eval/merge_key.py ../shared/corpus/polnear-train.jsonl keys/part*.jsonl > data/eval/identity-key.jsonl
"""
import json
import sys


def main(corpus, parts):
    articles = {}
    for line in open(corpus, encoding='utf-8'):
        a = json.loads(line)
        articles[a['id']] = a
    keyed = []
    for part in parts:
        for line in open(part, encoding='utf-8'):
            keyed.append(json.loads(line))
    keyed.sort(key=lambda k: k['id'])
    for k in keyed:
        quotes = articles[k['id']]['quotes']
        out_quotes = []
        for q in sorted(k['quotes'], key=lambda q: q['q']):
            gold = quotes[q['q'] - 1]
            assert gold['speaker_spans'], (k['id'], q)
            record = {'start': gold['start'], 'end': gold['end'], 'who': q['who']}
            if q.get('unsure'):
                record['unsure'] = True
            out_quotes.append(record)
        identities = [{
            'key': i['key'], 'kind': i['kind'], 'name': i['name'],
            'names': i.get('names', []), 'descriptions': i.get('descriptions', []),
        } for i in k['identities']]
        print(json.dumps({'id': k['id'], 'identities': identities, 'quotes': out_quotes},
                         ensure_ascii=False))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
