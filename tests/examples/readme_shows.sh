#!/usr/bin/env bash
# The README shows an example file's text exactly: the first ```cpp block after the heading.
# Usage: readme_shows.sh README.md "HEADING" FILE
set -euo pipefail
readme=$1 heading=$2 file=$3
shown=$(awk -v heading="## $heading" '
  $0 == heading { section = 1; next }
  section && /^## / { exit }
  section && !block && $0 == "```cpp" { block = 1; next }
  block && $0 == "```" { exit }
  block { print }' "$readme")
[ -n "$shown" ] || { echo "FAIL: $readme has no \`\`\`cpp block under \"## $heading\""; exit 1; }
if ! diff -u --label "README.md ($heading)" --label "$file" <(printf '%s\n' "$shown") "$file"; then
  echo "FAIL: the README's example differs from $file: copy the file's text into the README"
  exit 1
fi
echo "README.md shows $file ($(wc -l < "$file") lines)"
