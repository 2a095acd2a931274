#!/usr/bin/env bash
# Opens the batch HTML report in a real headless browser (Debian chromium):
# builds `wetlint report` over the shipped drafts (or REPORT_PATHS), takes a
# screenshot (target/report/*.png) and asserts on the rendered DOM that the
# inline script ran and the heatmap and charts are there.
#   bash scripts/e2e-report.sh
#   REPORT_PATHS=target/corpus/laws-markdown REPORT_NAME=corpus bash scripts/e2e-report.sh
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || { echo "e2e-report: cannot install chromium"; exit 1; }
fi
cargo build --release -q -p wetlint_cli || exit 1
name=${REPORT_NAME:-drafts}
paths=${REPORT_PATHS:-fixtures/drafts}
mkdir -p target/report
html="$PWD/target/report/$name.html"
start=$(date +%s)
./target/release/wetlint report $paths --html "$html" --no-cache 2> "target/report/$name.log"
rc=$?
if [ $rc -gt 2 ] || [ ! -s "$html" ]; then echo "e2e-report: report failed (exit $rc)"; cat "target/report/$name.log"; exit 1; fi
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --hide-scrollbars)
timeout 120 chromium "${flags[@]}" --window-size=1400,2600 --screenshot="$PWD/target/report/$name.png" "file://$html" >/dev/null 2>&1
timeout 120 chromium "${flags[@]}" --dump-dom "file://$html" > "target/report/$name.dom.html" 2>/dev/null
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL: $1"; fi; }
dom=target/report/$name.dom.html
check "script ran (data-ready)" "grep -q 'data-ready=\"1\"' $dom"
check "heatmap has cells" "grep -q 'data-heatmap-cells=\"[1-9]' $dom"
check "per-rule chart" "grep -q 'id=\"per-rule\"' $dom"
check "fragmentation charts" "grep -q 'id=\"hist-delegation\"' $dom && grep -q 'id=\"hist-fanout\"' $dom"
check "findings listed" "grep -q 'data-findings=\"[1-9]' $dom"
check "no network resources" "! grep -Eq '(src|href)=\"https?://[^\"]*\\.(js|css)' '$html'"
check "screenshot written" "[ -s target/report/$name.png ]"
echo "report: $html ($(du -h "$html" | cut -f1)), screenshot: target/report/$name.png, $(( $(date +%s) - start )) s"
echo "e2e-report: $passed passed, $failed failed"
[ $failed -eq 0 ]
