#!/usr/bin/env bash
# Copies seed inputs into fuzz/corpus/<target>/ (not committed): the real
# corpus files in ../shared/corpus and the fictional fixtures in
# fixtures/formats. Run from anywhere: bash fuzz/seed.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${WETLINT_CORPUS:-$root/../shared/corpus}"
fixtures="$root/fixtures/formats"
c="$here/corpus"
mkdir -p "$c"/{bwb,stop,op,docx,markdown,lint}

copy() { # target, files...
  local t="$1"; shift
  for f in "$@"; do [ -f "$f" ] && cp -f "$f" "$c/$t/" || true; done
}
copy bwb "$shared"/bwb-xml/*_0.xml "$fixtures"/bwb-*.xml "$fixtures"/malformed/*.xml
copy stop "$shared"/stop-xml/*.xml "$fixtures"/stop-*.xml "$fixtures"/malformed/stop-*.xml
copy op "$fixtures"/kst-*.xml "$fixtures"/bwb-*.xml
copy docx "$fixtures"/*.docx "$fixtures"/malformed/afgebroken.docx "$fixtures"/malformed/geen-document.docx
# Unpacked document.xml / styles.xml / numbering.xml of the fixtures, joined
# with NUL bytes: the docx target packs such inputs into a zip itself.
if command -v python3 >/dev/null; then
  python3 - "$fixtures" "$c/docx" <<'PY'
import sys, zipfile, glob, os
src, dst = sys.argv[1], sys.argv[2]
for f in glob.glob(os.path.join(src, "*.docx")):
    with zipfile.ZipFile(f) as z:
        parts = [z.read(n) if n in z.namelist() else b"" for n in
                 ("word/document.xml", "word/styles.xml", "word/numbering.xml")]
    with open(os.path.join(dst, os.path.basename(f) + ".parts"), "wb") as o:
        o.write(b"\0".join(parts))
PY
fi
copy markdown "$shared"/laws-markdown/wet/*.md "$root"/fixtures/drafts/*/*.md "$fixtures"/drafts/*.md
# Keep the Markdown seeds small: the first 16 kB of each law.
for f in "$c"/markdown/*.md; do
  head -c 16384 "$f" > "$f.tmp" && mv "$f.tmp" "$f"
done
# The lint target starts from the drafts and rule fixtures (small, full of
# the constructions the rules look at) and the Markdown seeds.
for f in "$root"/fixtures/drafts/*/*.md "$root"/fixtures/rules/*/*/*.md "$c"/markdown/*.md; do
  [ -f "$f" ] && cp -f "$f" "$c/lint/$(sha1sum < "$f" | cut -c1-16).md"
done
for t in bwb stop op docx markdown lint; do
  echo "$t: $(ls "$c/$t" | wc -l) seeds"
done
