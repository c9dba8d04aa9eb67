#!/usr/bin/env bash
# Drive copydesk from Emacs (Eglot, batch mode) against a copy of the sample
# drafts. Usage: tests/e2e/emacs.sh [path/to/copydesk]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=${1:-$repo/target/debug/copydesk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$repo"/examples/drafts/*.md "$work/"
cd "$work"
git init -q .
COPYDESK="$bin" timeout 90 emacs --batch -Q -l "$here/eglot_test.el"
