"""Writes orphans.jsonl: the orphan set of the identity eval.

For every quote paragraph of the development corpus shaped `"...," X said.`
(the paragraph opens with the quote, the quote's words end with a comma, and
the rest of the paragraph is the attribution, holding the annotated source
and cue), it records how to delete the attribution clause and keep the
quote: the comma inside the quote becomes a period and everything after the
closing mark to the end of the paragraph goes. The eval makes one edited
copy of the article per record and asks whether copydesk flags the quote.

Offsets are code points into the article's text, as in the corpus. The file
holds ids and offsets only, never article text.

    python3 data/eval/make_orphans.py ../shared/corpus/polnear-train.jsonl > data/eval/orphans.jsonl
"""
import json
import re
import sys

CLOSING = '"”'


def paragraphs(text):
    """(start, end) of each Markdown paragraph: text between blank lines."""
    start = 0
    for m in re.finditer(r'\n[ \t]*\n', text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def main(path):
    out = []
    for line in open(path, encoding='utf-8'):
        article = json.loads(line)
        if article['split'] != 'train':
            continue
        text = article['text']
        quoted = [(q['start'], q['end']) for q in article['quotes']]
        quoted += [tuple(s) for s in article['unattributed_quoted_spans']]
        for (ps, pe) in paragraphs(text):
            body_start = ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
            body_end = ps + len(text[ps:pe].rstrip())
            inside = [q for q in article['quotes'] if ps <= q['start'] < pe]
            spans = [s for s in quoted if ps <= s[0] < pe]
            if len(inside) != 1 or len(spans) != 1:
                continue
            q = inside[0]
            if q['start'] != body_start or not q['speaker_spans'] or not q['cue_spans']:
                continue
            words = text[q['start']:q['end']]
            if len(words) < 3 or words[-1] not in CLOSING or words[-2] != ',':
                continue
            rest = text[q['end']:body_end]
            if not re.fullmatch(r'\s+[^"“”]{1,80}\.', rest):
                continue
            attribution = q['speaker_spans'] + q['cue_spans']
            if not all(q['end'] <= s and e <= body_end for s, e in attribution):
                continue
            out.append({
                'id': article['id'],
                'start': q['start'],
                'end': q['end'],
                'comma': q['end'] - 2,
                'cut': [q['end'], body_end],
            })
    for record in out:
        print(json.dumps(record))


if __name__ == '__main__':
    main(sys.argv[1])
