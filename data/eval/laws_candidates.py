#!/usr/bin/env python3
"""Candidates for the laws key: every place in the corpus that may name a law.

Writes a worksheet OUTSIDE the repository (default /tmp/lawsws/candidates.jsonl): one line
per candidate with the article id, code-point offsets, the words and the sentence around
them, for a reader to decide. Nothing here decides what a law is; the reader does
(see reading-laws.md).

    python3 data/eval/laws_candidates.py ../shared/corpus/polnear-train.jsonl /tmp/lawsws
"""
import json
import re
import sys

LAW_WORDS = (r"Acts?|Laws?|Bills?|Amendments?|Treaty|Treaties|Agreements?|Accords?|Conventions?|"
             r"Protocols?|Charter|Codes?|Constitution|Resolution|Rule|Directive|Regulation|"
             r"Statute|Deal|Plan|Partnership|Clause|Ordinance|Order|Compact|Pact|Doctrine")
CAP = r"(?:[A-Z][\w'’.\-]*|\d[\w\-]*|U\.S\.)"
JOIN = r"(?:\s+(?:of|the|and|for|to|on|in|&|de|du)\s+|\s+|-)"
# A capitalised run containing a law word.
RUN = re.compile(rf"\b{CAP}(?:{JOIN}{CAP})*")
LAWWORD = re.compile(rf"\b(?:{LAW_WORDS})\b")
PATTERNS = [
    re.compile(r"\b(?:Title|Section|Article|Sec\.|Art\.)\s+[0-9IVXLC]+[A-Za-z]?(?:\([a-z0-9]+\))*"),
    re.compile(r"\b\d+\s+U\.\s?S\.\s?C\.?\s*(?:§+\s*)?\d+\w*"),
    re.compile(r"§+\s*\d+"),
    re.compile(r"\bPub(?:lic)?\.?\s+L(?:aw)?\.?\s+\d+-\d+"),
    re.compile(r"\b(?:H\.\s?R\.|S\.)\s?\d{1,5}\b"),
    re.compile(r"\b(?:Obamacare|ObamaCare|Trumpcare|Dodd-Frank|Glass-Steagall|Magna Carta|"
               r"Bill of Rights|Roe v\. Wade|Citizens United|Brexit|Jim Crow|New Deal|Green New Deal|"
               r"Medicare|Medicaid|Social Security|Nafta|Brady bill|No Child Left Behind|Gang of Eight|"
               r"Kate['’]s Law|Megan['’]s Law)\b"),
    re.compile(r"\b(?:\d+(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Ff]ifth|[Ff]ourteenth) amendment\b|"
               r"\b[A-Z][\w\-]+['’]s? (?:amendment|bill|act|law)\b|\bIran agreement\b|\bEU-Turkey deal\b"),
    re.compile(r"\b(?:Iran(?:ian)? (?:nuclear )?deal|nuclear deal|Paris (?:climate )?(?:agreement|accord|deal)|"
               r"climate (?:agreement|accord|deal|change agreement)|trade (?:deal|agreement|pact)s?|"
               r"health (?:care |-care )?law|immigration (?:law|bill|reform)|gun (?:law|control bill)s?|"
               r"[Ff]ree[- ]trade (?:deal|agreement|pact)s?)\b"),
    re.compile(r"\b[A-Z]{2,}[A-Z0-9\-]*\b"),
]
ACRONYM_STOP = set()


def sentences_around(text, start, end):
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    a = max(a, start - 300)
    b = len(text)
    for sep in (". ", "\n"):
        i = text.find(sep, end)
        if i != -1:
            b = min(b, i + 1)
    b = min(b, end + 300)
    return text[a:start] + "⟦" + text[start:end] + "⟧" + text[end:b]


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    acronyms = set(open(out + "/acronyms.txt").read().split()) if len(sys.argv) < 4 else set()
    rows = []
    for line in open(corpus, encoding="utf-8"):
        art = json.loads(line)
        text = art["text"]
        spans = []
        for m in RUN.finditer(text):
            if LAWWORD.search(m.group()):
                spans.append((m.start(), m.end(), "run"))
        for p in PATTERNS[:-1]:
            for m in p.finditer(text):
                spans.append((m.start(), m.end(), "pattern"))
        for m in PATTERNS[-1].finditer(text):
            if m.group() in acronyms:
                spans.append((m.start(), m.end(), "acronym"))
        # lower-case "X law"/"X act" phrases of two capitalised words before are runs already.
        spans.sort()
        for s, e, how in spans:
            rows.append({"id": art["id"], "start": s, "end": e, "text": text[s:e], "how": how,
                         "context": sentences_around(text, s, e)})
    with open(out + "/candidates.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "candidates")


if __name__ == "__main__":
    main()
