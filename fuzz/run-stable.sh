#!/usr/bin/env bash
# Fuzzing without nightly: runs the fuzz target functions over mutations of
# the seed corpora for a fixed time per target, on the stable toolchain.
#   bash fuzz/run-stable.sh [seconds-per-target] [targets…]
# Seeds come from fuzz/seed.sh (run automatically when fuzz/corpus is
# missing); crashes are saved to fuzz/artifacts/<target>/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ -d "$here/corpus" ] || bash "$here/seed.sh"
secs="${1:-60}"; shift || true
cargo run --release --quiet --manifest-path "$here/stable/Cargo.toml" -- "$secs" "$@"
