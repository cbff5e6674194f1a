#!/usr/bin/env bash
# Fuzzes the expression parser with libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer
# for a fixed number of runs. Exits non-zero on any finding. Built with clang directly (the main
# build stays g++).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-200000}"
out="build/fuzz"
mkdir -p "$out/corpus"
cp symbolic/fuzz/corpus/* "$out/corpus/"
clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I. \
  symbolic/fuzz/parse_fuzz.cpp symbolic/parse.cpp -o "$out/parse_fuzz"
"$out/parse_fuzz" -runs="$runs" -max_len=512 -timeout=10 -print_final_stats=1 "$out/corpus" \
  > "$out/fuzz.log" 2>&1 || { tail -n 40 "$out/fuzz.log"; echo "fuzz-parser: FAILED (a finding, see above)"; exit 1; }
grep -E "^stat::number_of_executed_units" "$out/fuzz.log" | sed 's/^/fuzz-parser: /'
echo "fuzz-parser: no finding in $runs runs"
