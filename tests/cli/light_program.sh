#!/usr/bin/env bash
# The dlmath program loads none of the libraries that only drawing, Graphviz, the server or the
# REPL need (the start-up they cost is what cli/dlmath.cpp avoids), while dlmath-full does, and
# both answer the same.
set -euo pipefail
dlmath=$1
full=$(dirname "$dlmath")/dlmath-full
heavy='libplplot|libgvc|libcgraph|libcpp-httplib|libssl|libcrypto|libedit'
# (ldd's output is kept whole first: grep -q stopping early would fail the pipe under pipefail)
light_libraries=$(ldd "$dlmath") full_libraries=$(ldd "$full")
if grep -E "$heavy" <<< "$light_libraries"; then
  echo "FAIL: $dlmath loads a library it should leave to dlmath-full"; exit 1
fi
grep -qE 'libplplot' <<< "$full_libraries" || { echo "FAIL: $full has no PLplot"; exit 1; }
# The same answer either way, for a light command and for a delegated one.
untimed() { "$@" train --steps 2000 --seed 3 --json | sed 's/"seconds":[^,}]*//'; }
[ "$(untimed "$dlmath")" = "$(untimed "$full")" ] ||
  { echo "FAIL: train differs between dlmath and dlmath-full"; exit 1; }
[ "$("$dlmath" diff 'x*sigmoid(x)' --wrt x)" = "$("$full" diff 'x*sigmoid(x)' --wrt x)" ] ||
  { echo "FAIL: diff differs between dlmath and dlmath-full"; exit 1; }
# Alone, without dlmath-full beside it or under libexec, it says so (exit 1) and runs nothing else.
alone=$(mktemp -d)
trap 'rm -rf "$alone"' EXIT
cp "$dlmath" "$alone/dlmath"
set +e
message=$("$alone/dlmath" eval 'x' 2>&1)
code=$?
set -e
[ "$code" = 1 ] && grep -q "cannot run .*dlmath-full" <<< "$message" ||
  { echo "FAIL: dlmath without dlmath-full: exit $code, '$message'"; exit 1; }
echo "dlmath leaves out: $heavy; answers agree; alone it says: $message"
