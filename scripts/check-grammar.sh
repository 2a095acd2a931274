#!/usr/bin/env bash
# Fails when the committed generated parser (crates/tree-sitter-wetgeving/src)
# is stale against grammar.js, and runs the grammar's corpus tests.
# Needs tree-sitter-cli 0.27.1; installs it from the crate registry if absent
# (about 2-3 minutes on 2 cores; no Node.js needed thanks to --js-runtime native).
set -euo pipefail
cd "$(dirname "$0")/.."
TS_VERSION=0.27.1
if ! command -v tree-sitter >/dev/null 2>&1 || ! tree-sitter --version | grep -q "$TS_VERSION"; then
  echo "installing tree-sitter-cli $TS_VERSION from crates.io"
  cargo install tree-sitter-cli --version "$TS_VERSION" --locked --quiet
fi
grammar=crates/tree-sitter-wetgeving
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$grammar/grammar.js" "$grammar/tree-sitter.json" "$tmp/"
(cd "$tmp" && tree-sitter generate --js-runtime native >/dev/null)
for f in parser.c grammar.json node-types.json; do
  if ! cmp -s "$tmp/src/$f" "$grammar/src/$f"; then
    echo "error: $grammar/src/$f is stale against grammar.js."
    echo "Regenerate with: (cd $grammar && tree-sitter generate --js-runtime native) and commit src/."
    exit 1
  fi
done
echo "generated parser is up to date with grammar.js"
(cd "$grammar" && tree-sitter test)
