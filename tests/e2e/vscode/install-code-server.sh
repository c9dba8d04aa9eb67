#!/usr/bin/env bash
# Installs code-server (the VS Code server and its web UI) from the npm
# registry into DIR, needing no network but the registry. Idempotent: a
# finished install leaves a stamp file and is reused.
# Usage: install-code-server.sh DIR VERSION
# Needs: node 20, npm, g++, make, python3, libkrb5-dev (native modules).
set -euo pipefail
dir=${1:?usage: install-code-server.sh DIR VERSION}
version=${2:?usage: install-code-server.sh DIR VERSION}
stamp=$dir/.installed-$version
if [ -f "$stamp" ] && "$dir/node_modules/.bin/code-server" --version >/dev/null 2>&1; then
  exit 0
fi
if [ "$(uname -m)" != x86_64 ]; then
  echo "install-code-server.sh: only x86_64 Linux is handled (see the ripgrep step)" >&2
  exit 1
fi
rm -rf "$dir"
mkdir -p "$dir/tmp"
cd "$dir"
echo '{"name":"copydesk-e2e-code-server","private":true}' > package.json

# 1. code-server pins @vscode/ripgrep 1.15.11, whose postinstall fetches rg
#    from GitHub unless the tarball is already in its cache directory
#    ($TMPDIR/vscode-ripgrep-cache-1.15.11). The registry package
#    @vscode/ripgrep-linux-x64 carries the same program, so the cache is
#    filled from it, under a TMPDIR private to this install.
export TMPDIR=$dir/tmp
rg_cache=$TMPDIR/vscode-ripgrep-cache-1.15.11
mkdir -p "$rg_cache" "$TMPDIR/rg"
(cd "$TMPDIR/rg" && npm pack --silent @vscode/ripgrep-linux-x64@1.18.0 >/dev/null &&
  tar xzf vscode-ripgrep-linux-x64-1.18.0.tgz)
tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$TMPDIR/rg/package/bin" rg

# 2. node-gyp would download Node's headers: point it at the installed ones.
# 3. code-server's postinstall refuses to run as root without unsafe_perm.
# 4. node-pty's postinstall runs `npx node-gyp`, which a `yes=false` npmrc
#    would cancel at its prompt.
export npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_yes=true
npm install --no-audit --no-fund --loglevel=error "code-server@$version"
# (--version writes a default config file under XDG_CONFIG_HOME: keep it in here)
XDG_CONFIG_HOME=$TMPDIR/config "$dir/node_modules/.bin/code-server" --version
rm -rf "$TMPDIR/rg"
touch "$stamp"
