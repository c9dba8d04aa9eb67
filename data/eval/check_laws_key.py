#!/usr/bin/env python3
"""Which entries the laws key points at are missing from a set of knowledge-base files.

    python3 data/eval/check_laws_key.py data/eval/laws-key.jsonl data/kb/*.toml [more.toml ...]

Prints every entry id of the key that none of the files defines, with the words the corpus
writes for it and the ids whose title or alias is one of those words (a hint where the law
went under another id). Exits 1 when an id is missing.
"""
import json
import sys
import tomllib


def main():
    key, files = sys.argv[1], sys.argv[2:]
    ids, names = set(), {}
    for path in files:
        with open(path, "rb") as f:
            for entry in tomllib.load(f).get("entry", []):
                ids.add(entry["id"])
                for name in [entry["title"], *entry.get("aliases", [])]:
                    names.setdefault(name.lower(), set()).add(entry["id"])
    wanted = {}
    for line in open(key, encoding="utf-8"):
        for law in json.loads(line)["laws"]:
            if law["entry"]:
                wanted.setdefault(law["entry"], set()).add(law["text"])
    missing = 0
    for entry, texts in sorted(wanted.items()):
        if entry in ids:
            continue
        missing += 1
        hints = sorted({i for t in texts for i in names.get(t.lower(), ())})
        print(f"{entry}: {sorted(texts)}" + (f" (named by {hints})" if hints else ""), flush=True)
    print(f"{len(wanted)} entries wanted, {missing} missing", file=sys.stderr)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
