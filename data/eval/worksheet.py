"""Writes the worksheets the identity key was read from.

Samples 37 train articles with quotes from each publisher (ordered by a hash
of the id, so the sample is the same every time), shares them into PARTS
worksheets of about equal quote counts, and writes each article with its
quotes and their annotated source words marked:

    ⟦Q7 ...quote... Q7⟧   ⟨S7: source words⟩

The worksheets hold article text, so they go outside the repository:

    python3 data/eval/worksheet.py ../shared/corpus/polnear-train.jsonl OUT_DIR [PARTS [FIRST COUNT]]

FIRST and COUNT take another slice of each publisher's hash order: the
first key is positions 0-36, the fresh keys later slices (37 5 and 42 7).

Readers answer each worksheet in JSON Lines (one line per article), and
merge_key.py turns the answers into identity-key.jsonl.
"""
import hashlib
import json
import os
import sys

PER_PUBLISHER = 37


def sampled(corpus, first=0, count=PER_PUBLISHER):
    articles = [json.loads(line) for line in open(corpus, encoding='utf-8')]
    keyed = [a for a in articles
             if a['split'] == 'train' and any(q['speaker_spans'] for q in a['quotes'])]
    digest = lambda s: hashlib.sha256(s.encode()).hexdigest()
    by_publisher = {}
    for a in sorted(keyed, key=lambda a: digest(a['id'])):
        by_publisher.setdefault(a['publisher'], []).append(a)
    chosen = [a for p in sorted(by_publisher) for a in by_publisher[p][first:first + count]]
    return sorted(chosen, key=lambda a: digest('x' + a['id']))


def marked(article):
    """The article's text with its quotes and source words marked."""
    text = article['text']
    marks = []
    for n, q in enumerate(article['quotes'], 1):
        marks += [(q['start'], 0, f'⟦Q{n} '), (q['end'], 1, f' Q{n}⟧')]
        for s, e in q['speaker_spans']:
            marks += [(s, 0, f'⟨S{n}: '), (e, 1, '⟩')]
    out, last = [], 0
    for at, _, mark in sorted(marks, key=lambda m: (m[0], -m[1])):
        out += [text[last:at], mark]
        last = at
    return ''.join(out) + text[last:]


def main(corpus, out_dir, parts, first=0, count=PER_PUBLISHER):
    chosen = sampled(corpus, first, count)
    shares = [[] for _ in range(parts)]
    load = [0] * parts
    for a in sorted(chosen, key=lambda a: -len(a['quotes'])):
        i = min(range(parts), key=lambda i: (load[i], len(shares[i])))
        shares[i].append(a)
        load[i] += sum(1 for q in a['quotes'] if q['speaker_spans'])
    os.makedirs(out_dir, exist_ok=True)
    for n, share in enumerate(shares, 1):
        with open(os.path.join(out_dir, f'part{n}.txt'), 'w', encoding='utf-8') as f:
            for a in share:
                f.write(f'=== ARTICLE {a["id"]} ===\n{marked(a)}\n')
                f.write('--- quotes (Q#, kind, speaker as written, cue) ---\n')
                for k, q in enumerate(a['quotes'], 1):
                    if q['speaker_spans']:
                        f.write(f'Q{k}\t{q["kind"]}\tspeaker={q["speaker_text"]!r}\tcue={q["cue"]!r}\n')
                    else:
                        f.write(f'Q{k}\t{q["kind"]}\t(no source annotated: skip)\n')
                f.write('\n')
    print(f'{len(chosen)} articles in {parts} worksheets; annotated quotes per worksheet: {load}')


if __name__ == '__main__':
    slice_ = [int(a) for a in sys.argv[4:6]] if len(sys.argv) > 5 else []
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 7, *slice_)
