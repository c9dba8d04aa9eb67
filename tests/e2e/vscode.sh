#!/usr/bin/env bash
# End to end in real VS Code: packages the extension in editors/vscode into a
# .vsix, installs it into code-server (VS Code's server and web workbench),
# opens a copy of examples/drafts and drives the workbench with headless
# Chromium: the unattributed quote in the Problems panel, the hover over a
# law, references to a law across drafts. Screenshots go to the artifacts
# directory.
#
# Usage: tests/e2e/vscode.sh /abs/path/to/copydesk
#
# Installs what is missing (Debian's chromium and build tools through apt,
# code-server from npm into a cache, playwright-core and the extension's
# build tools through `npm ci`), then runs the editor and the browser in a
# network namespace with only loopback, to show that nothing needs the
# network. Exit status 0 only when every check passes; a `FAIL:` line says
# what did not.
#
# Environment (all optional):
#   COPYDESK_E2E_ARTIFACTS  screenshots and logs (default target/e2e-artifacts)
#   COPYDESK_E2E_CACHE      code-server install (default ${XDG_CACHE_HOME:-~/.cache}/copydesk-e2e)
#   COPYDESK_E2E_OFFLINE    1: require the loopback-only namespace; 0: never use it;
#                           default: use it when this machine allows it
#   COPYDESK_E2E_BUDGET     seconds the whole run may take (default 540)
#   COPYDESK_E2E_KEEP       1: keep the scratch directory (workspace, settings, logs)
set -euo pipefail

budget=${COPYDESK_E2E_BUDGET:-540}
if [ -z "${COPYDESK_E2E_INNER:-}" ]; then
  # The run goes on in a child under `timeout`, which at the deadline stops
  # it and everything it started (code-server, Chromium, npm). Ctrl+C and
  # kill are passed on to it the same way.
  COPYDESK_E2E_INNER=1 timeout -k 10 "$budget" "$0" "$@" &
  run=$!
  trap 'kill -TERM "$run" 2>/dev/null' INT TERM
  status=0
  wait "$run" || status=$?
  while kill -0 "$run" 2>/dev/null; do wait "$run" || status=$?; done
  if [ "$status" -eq 124 ]; then echo "FAIL: the VS Code test ran longer than its ${budget}s budget"; fi
  exit "$status"
fi

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=${1:?usage: tests/e2e/vscode.sh /abs/path/to/copydesk}
case "$bin" in /*) ;; *) bin=$PWD/$bin ;; esac
if [ ! -x "$bin" ]; then echo "FAIL: $bin is not an executable copydesk"; exit 1; fi

code_server_version=4.100.3
cache=${COPYDESK_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/copydesk-e2e}
code_server_dir=$cache/code-server-$code_server_version
code_server=$code_server_dir/node_modules/.bin/code-server
artifacts=${COPYDESK_E2E_ARTIFACTS:-$repo/target/e2e-artifacts}

start=$(date +%s)
elapsed() { echo $(( $(date +%s) - start )); }
step() { printf '\n==> %s (%ss)\n' "$1" "$(elapsed)"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-vscode-e2e.XXXXXX")
cleanup() {
  if [ "${COPYDESK_E2E_KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# Steps below have their own time limits too; `timeout --foreground` keeps
# them in this process group, so the budget above still reaches them.

step "system packages"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v curl >/dev/null || missing+=(curl)
command -v ip >/dev/null || missing+=(iproute2)
command -v unshare >/dev/null || missing+=(util-linux)
if [ ! -f "$code_server_dir/.installed-$code_server_version" ]; then
  # code-server's native modules are compiled at install time.
  for pkg in g++ make python3 libkrb5-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout --foreground 300 apt-get -o DPkg::Lock::Timeout=120 update -qq
  timeout --foreground 300 apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
/usr/bin/chromium --version

step "code-server $code_server_version"
timeout --foreground 420 "$here/vscode/install-code-server.sh" "$code_server_dir" "$code_server_version"
"$code_server" --version | head -n 1

step "playwright-core"
(cd "$here/vscode" && timeout --foreground 300 npm ci --no-audit --no-fund --loglevel=error)

step "package the extension"
# `npm ci` is skipped when node_modules was installed from this same lockfile.
ext=$repo/editors/vscode
lock_sum=$(sha256sum "$ext/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$ext/node_modules/.copydesk-e2e-lock" 2>/dev/null)" != "$lock_sum" ]; then
  (cd "$ext" && timeout --foreground 300 npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$ext/node_modules/.copydesk-e2e-lock"
fi
vsix=$work/copydesk.vsix
(cd "$ext" && timeout --foreground 120 npx --no-install vsce package --out "$vsix")
vsix_bytes=$(stat -c %s "$vsix")
echo "$vsix: $vsix_bytes bytes"
install_seconds=$(elapsed)

step "install the extension into code-server"
user_data=$work/user-data
extensions=$work/extensions
workspace=$work/drafts
mkdir -p "$user_data/User" "$extensions" "$workspace"
cp "$repo"/examples/drafts/*.md "$workspace/"
# Workspace trust off, or the folder opens in Restricted Mode and the
# extension never starts; quiet everything that would reach the network.
cat > "$user_data/User/settings.json" <<EOF
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "git.enabled": false,
  "editor.hover.delay": 150,
  "copydesk.server.path": "$bin"
}
EOF
echo "auth: none" > "$user_data/config.yaml"
# code-server also keeps state under the XDG directories: keep it in $work.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
timeout --foreground 120 "$code_server" --config "$user_data/config.yaml" --user-data-dir "$user_data" \
  --extensions-dir "$extensions" --install-extension "$vsix"

step "drive VS Code with Chromium"
rm -rf "$artifacts"
mkdir -p "$artifacts/logs"
sandbox=()
offline=${COPYDESK_E2E_OFFLINE:-auto}
if [ "$offline" != 0 ]; then
  if unshare -n true 2>/dev/null; then
    sandbox=(unshare -n sh -c 'ip link set lo up && exec "$@"' sandbox)
    echo "in a network namespace with only loopback"
  elif [ "$offline" = 1 ]; then
    echo "FAIL: COPYDESK_E2E_OFFLINE=1 but this machine cannot make a network namespace"; exit 1
  else
    echo "warning: cannot make a network namespace (unshare -n); running with the network"
  fi
fi
status=0
CODE_SERVER=$code_server USER_DATA=$user_data EXTENSIONS=$extensions WORKSPACE=$workspace \
  ARTIFACTS=$artifacts LOGS=$artifacts/logs \
  "${sandbox[@]}" "$here/vscode/serve-and-drive.sh" || status=$?
# VS Code's logs, the copydesk output channel among them, for when a step fails.
cp -r "$user_data/logs" "$artifacts/logs/vscode" 2>/dev/null || true

step "done"
echo "install and packaging: ${install_seconds}s; .vsix: $vsix_bytes bytes; whole run: $(elapsed)s"
echo "screenshots and logs: $artifacts"
if [ "$status" -ne 0 ]; then
  channel=$(find "$artifacts/logs/vscode" -path '*copydesk*' -name '*.log' 2>/dev/null | head -n 1)
  if [ -n "$channel" ]; then
    echo "--- the end of the copydesk output channel ($channel):"
    tail -n 15 "$channel" | cut -c1-300
    echo "---"
  fi
  echo "FAIL: the VS Code end-to-end test failed (see the FAIL lines above)"
  exit "$status"
fi
echo "OK: the VS Code end-to-end test passed"
