"""Writes the worksheets the names key was read from: each article of the
identity key whole, followed by its capitalised runs as candidates, shared
into four worksheets of about equal length. They hold article text, so they
go outside the repository:

    python3 data/eval/names_worksheet.py ../shared/corpus/polnear-train.jsonl OUT_DIR

Readers list every person, organisation, group and place each article names
(JSON Lines), and merge_names.py turns the answers into names-key.jsonl.
"""
import json
import os
import re
import sys

PARTS = 4
PARTICLES = r'(?:de|van|von|bin|al|da|del|la|le|di|du|der)'
RUN = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:" + PARTICLES + r"|of|for|and)(?=\s+[A-Z])))*")


def main(corpus, out_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    ids = [json.loads(line)['id'] for line in open(os.path.join(here, 'identity-key.jsonl'))]
    articles = {}
    for line in open(corpus, encoding='utf-8'):
        a = json.loads(line)
        articles[a['id']] = a
    shares = [[] for _ in range(PARTS)]
    load = [0] * PARTS
    for i in sorted(ids, key=lambda i: -len(articles[i]['text'])):
        k = min(range(PARTS), key=lambda k: load[k])
        shares[k].append(i)
        load[k] += len(articles[i]['text'])
    os.makedirs(out_dir, exist_ok=True)
    for n, share in enumerate(shares, 1):
        with open(os.path.join(out_dir, f'part{n}.txt'), 'w', encoding='utf-8') as f:
            for i in sorted(share):
                text = articles[i]['text']
                runs = sorted({m.group(0).strip() for m in RUN.finditer(text)})
                f.write(f'=== ARTICLE {i} ===\n{text}\n')
                f.write('--- capitalised runs (candidates; may be wrong or partial) ---\n')
                f.write(' | '.join(runs) + '\n\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
