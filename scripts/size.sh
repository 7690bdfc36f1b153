#!/usr/bin/env bash
# Sizes of everything the built page loads (dist/), raw, gzip -9 and
# brotli -q 11 (the single file, the embedding loader and example page, the
# server's _headers and the large install icons are not part of the page; the XLSX export
# worker loads only when a workbook is asked for, the import worker when
# the import panel opens). With --check, fails when the gzip total exceeds the budget
# in scripts/size-budget.txt, so that raising it is a visible change.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "dist/ missing: run trunk build --release first" >&2; exit 1; }
budget=$(grep -v '^#' scripts/size-budget.txt | tr -d '[:space:]')
total_raw=0; total_gz=0; total_br=0
printf '%-56s %9s %9s %9s\n' file raw gzip brotli
while IFS= read -r f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9nc "$f" | wc -c); br=$(brotli -c -q 11 "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-56s %9d %9d %9d\n' "${f#dist/}" "$raw" "$gz" "$br"
done < <(find dist -type f ! -name 'finsam-kalkyl.html' ! -name 'embed.js' ! -name 'embed-example.*' ! -name '_headers' ! -name 'icon-maskable-512.png' ! -name 'icon-512.png' ! -name 'finsam-export*' ! -name 'finsam-import*' | sort)
printf '%-56s %9d %9d %9d\n' "total (page)" "$total_raw" "$total_gz" "$total_br"
printf 'budget: %d bytes gzip for the whole page\n' "$budget"
for f in dist/finsam-export-*_bg.wasm dist/finsam-export-*[0-9a-f].js dist/finsam-import-*_bg.wasm dist/finsam-import-*[0-9a-f].js; do
  [ -f "$f" ] && printf '%-56s %9d %9d %9d\n' "${f#dist/} (on demand)" "$(stat -c %s "$f")" "$(gzip -9nc "$f" | wc -c)" "$(brotli -c -q 11 "$f" | wc -c)"
done
single=dist/finsam-kalkyl.html
if [ -f "$single" ]; then
  printf '%-56s %9d %9d %9d\n' "single file (not part of the page)" "$(stat -c %s "$single")" "$(gzip -9nc "$single" | wc -c)" "$(brotli -c -q 11 "$single" | wc -c)"
fi
if [ "${1:-}" = "--check" ] && [ "$total_gz" -gt "$budget" ]; then
  echo "FAIL: the page is $total_gz bytes gzip, over the budget of $budget (scripts/size-budget.txt)" >&2
  exit 1
fi
