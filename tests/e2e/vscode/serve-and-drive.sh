#!/usr/bin/env bash
# Starts code-server on 127.0.0.1 with the extension already installed,
# waits until it answers, runs the browser driver against it, and stops it.
# Called by tests/e2e/vscode.sh, inside a network namespace with only
# loopback when it can be made.
# Environment: CODE_SERVER, USER_DATA, EXTENSIONS, WORKSPACE, ARTIFACTS,
#              LOGS (where code-server's own output goes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

# A free port (any port is free in a fresh namespace, but this also works outside one).
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')

"$CODE_SERVER" --config "$USER_DATA/config.yaml" --bind-addr "127.0.0.1:$port" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --user-data-dir "$USER_DATA" --extensions-dir "$EXTENSIONS" "$WORKSPACE" \
  >"$LOGS/code-server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT

for _ in $(seq 300); do
  if curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "FAIL: code-server exited at startup; its log:"; cat "$LOGS/code-server.log"; exit 1
  fi
  sleep 0.2
done
curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "FAIL: code-server did not answer within 60s"; exit 1; }

cd "$here"
status=0
CS_URL="http://127.0.0.1:$port/?folder=$WORKSPACE" ARTIFACTS="$ARTIFACTS" \
  timeout --foreground -k 5 300 node drive.mjs || status=$?
if [ "$status" -eq 124 ]; then echo "FAIL: the browser driver ran longer than 300s"; fi
exit "$status"
