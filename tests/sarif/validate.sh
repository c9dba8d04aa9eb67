#!/usr/bin/env bash
# Validate `copydesk check --format sarif` against the SARIF 2.1.0 JSON schema.
#
# The schema is OASIS's, as shipped in the serde-sarif crate on crates.io (the
# crate is fetched and checked against a pinned SHA-256, never committed); the
# validator is Python's jsonschema from PyPI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bin="${COPYDESK_BIN:-$repo/target/debug/copydesk}"
work="$repo/target/sarif"
mkdir -p "$work"

crate="$work/serde-sarif-0.8.0.crate"
sum="a053c46f18a8043570d4e32fefc4c6377f82bf29ec310a33e93f273048e3b0be"
if ! echo "$sum  $crate" | sha256sum -c --status 2>/dev/null; then
  curl -sSfL --retry 3 -o "$crate" https://static.crates.io/crates/serde-sarif/serde-sarif-0.8.0.crate
  echo "$sum  $crate" | sha256sum -c --status || { echo "sarif: the schema crate does not match its checksum" >&2; exit 1; }
fi
tar xzf "$crate" -C "$work" serde-sarif-0.8.0/src/schema.json
schema="$work/serde-sarif-0.8.0/src/schema.json"

python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet 'jsonschema>=4,<5'

# The sample drafts, and a desk with a broken glossary so every kind of
# result (findings and file problems) is in the log.
desk="$work/desk"
rm -rf "$desk" && mkdir -p "$desk"
cp "$repo"/examples/drafts/*.md "$desk/"
printf '[[law]]\nid = "desk/x"\n' > "$desk/copydesk.toml"
printf 'The Harbor Lantern Act of 2031 and the "scare" quote.\n' > "$desk/odd name with spaces.md"
status=0
(cd "$desk" && "$bin" check --format sarif . > "$work/desk.sarif") || status=$?
[ "$status" = 2 ] || { echo "sarif: expected exit 2 for the broken glossary, got $status" >&2; exit 1; }
status=0
"$bin" check --format sarif "$repo/examples/drafts" > "$work/samples.sarif" || status=$?
[ "$status" = 1 ] || { echo "sarif: expected exit 1 for the samples, got $status" >&2; exit 1; }

python3 - "$schema" "$work/samples.sarif" "$work/desk.sarif" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
for path in sys.argv[2:]:
    log = json.load(open(path))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for e in errors[:10]:
        print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
    if errors:
        sys.exit(1)
    results = log["runs"][0]["results"]
    if not results:
        print(f"{path}: no results", file=sys.stderr)
        sys.exit(1)
    rules = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert all(r["ruleId"] in rules for r in results), "a result names an unknown rule"
    print(f"sarif: {path} is valid SARIF 2.1.0 ({len(results)} results)")
PY
