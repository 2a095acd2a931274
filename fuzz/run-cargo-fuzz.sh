#!/usr/bin/env bash
# libFuzzer runs with cargo-fuzz (nightly toolchain): every target for a
# fixed time, seeded from fuzz/corpus/<target>/ (fuzz/seed.sh). Prints one
# line per target: seconds, executions, corpus size, crashes. Crashes are in
# fuzz/artifacts/<target>/.
#   bash fuzz/run-cargo-fuzz.sh [seconds-per-target] [targets…]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
[ -d corpus ] || bash seed.sh
secs="${1:-60}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(markdown lint bwb stop op docx)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
cargo +nightly fuzz build -O "${targets[@]}" >/dev/null 2>&1 || cargo +nightly fuzz build -O
for t in "${targets[@]}"; do
  mkdir -p "artifacts/$t"
  before=$(ls "artifacts/$t" | wc -l)
  log="target/fuzz-$t.log"
  cargo +nightly fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 > "$log" 2>&1 || true
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  crashes=$(( $(ls "artifacts/$t" | wc -l) - before ))
  printf '%-9s %5ss  %10s runs  %6s corpus files  %s new crashes\n' "$t" "$secs" "$execs" "$(ls "corpus/$t" | wc -l)" "$crashes"
done
