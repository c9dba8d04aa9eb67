#!/usr/bin/env bash
# Drive copydesk from a real headless Neovim against a copy of the sample
# drafts. Usage: tests/e2e/nvim.sh [path/to/copydesk]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=${1:-$repo/target/debug/copydesk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$repo"/examples/drafts/*.md "$work/"
cd "$work"
COPYDESK="$bin" timeout 60 nvim --headless --clean -u NONE \
  -c "luafile $here/nvim_test.lua" council-budget-problems.md
