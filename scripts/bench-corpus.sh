#!/usr/bin/env bash
# Whole-corpus batch benchmark: wetlint check --profile batch over the full
# laws-markdown corpus (18,634 regulations), against ripgrep scanning the same
# files for the same lexicons the rules use, in one run on the same machine.
# Prints wall time, MB/s, peak memory and the ratio wetlint/ripgrep, plus the
# cached re-run time.
#
#   bash scripts/bench-corpus.sh            # full corpus (unpacked into target/corpus)
#   CORPUS=DIR bash scripts/bench-corpus.sh # another folder
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-target/corpus}
if [ ! -d "$CORPUS/laws-markdown" ] && [ "$CORPUS" = target/corpus ]; then
  mkdir -p target/corpus
  tar -xJf ../shared/corpus/laws-markdown-2017.tar.xz -C target/corpus
fi
command -v rg >/dev/null || { apt-get update -qq && apt-get install -y -qq ripgrep >/dev/null; }
cargo build --release -q -p wetlint_cli -p wetlint_tests --bins
./target/release/lexicon-patterns > target/lexicon-patterns.txt
bytes=$(du -sb "$CORPUS" | cut -f1)
files=$(find "$CORPUS" -name '*.md' | wc -l)
measure() { # label, command...
  local label=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$log" "$@" > /dev/null 2>&1 || true
  read -r secs kb < <(tail -n 1 "$log"); rm -f "$log"
  printf '%-34s %8.2f s %8.1f MB/s %8.0f MB peak\n' "$label" "$secs" "$(echo "$bytes / 1000000 / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  echo "$secs" > "target/bench-$label.secs"
}
echo "corpus: $CORPUS ($files files, $((bytes / 1000000)) MB), $(nproc) cores"
echo "lexicon: $(wc -l < target/lexicon-patterns.txt) fixed strings"
sync
cat $(find "$CORPUS" -name '*.md' | head -2000) > /dev/null  # warm the page cache a little
measure ripgrep rg -c -i -F -f target/lexicon-patterns.txt "$CORPUS"
measure wetlint-nocache ./target/release/wetlint check --profile batch --no-cache --exit-zero --output-format json-lines "$CORPUS"
measure wetlint-cold ./target/release/wetlint check --profile batch --exit-zero --output-format json-lines --cache-dir target/bench-cache --clear-cache "$CORPUS"
measure wetlint-cached ./target/release/wetlint check --profile batch --exit-zero --output-format json-lines --cache-dir target/bench-cache "$CORPUS"
rg_s=$(cat target/bench-ripgrep.secs); wl_s=$(cat target/bench-wetlint-nocache.secs)
printf 'ratio wetlint/ripgrep (no cache): %.2f\n' "$(echo "$wl_s / $rg_s" | bc -l)"
cached_s=$(cat target/bench-wetlint-cached.secs)
printf 'cached re-run / no-cache run: %.3f\n' "$(echo "$cached_s / $wl_s" | bc -l)"

# Startup: best of 10 runs on one small file (no cache), against `rg` on it.
small=fixtures/drafts/voorbeeldwet/wetsvoorstel.md
best() { # command...
  local b=999
  for _ in $(seq 10); do
    local s e
    s=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s.%N)
    b=$(echo "if ($e - $s < $b) $e - $s else $b" | bc -l)
  done
  echo "$b"
}
st=$(best ./target/release/wetlint check --no-cache --exit-zero --output-format concise "$small")
rs=$(best rg -c -i -F -f target/lexicon-patterns.txt "$small")
printf 'startup, one small file: wetlint %.1f ms, ripgrep %.1f ms\n' "$(echo "$st * 1000" | bc -l)" "$(echo "$rs * 1000" | bc -l)"
echo "parse-only and rules-only throughput: WETLINT_CORPUS=$CORPUS/laws-markdown cargo bench -p wetlint_tests --bench parse / --bench rules"
echo "index load time: WETLINT_CORPUS=$CORPUS/laws-markdown cargo bench -p wetlint_tests --bench index"
