#!/usr/bin/env bash
# Installs the build to a prefix in a temporary directory, builds the consumer project in
# tests/install/consumer/ against it with find_package(dlmath 0.2 CONFIG REQUIRED), and again by
# pkg-config, runs both, and checks what they print:
#  - sigma(w x + b) and its three partials against the closed forms, to 1e-14;
#  - the article's cost and its 23 gradients against the installed `dlmath inspect --json` (the
#    library's own numbers, 1e-13) and against its central differences (1e-6).
# Usage: consumer.sh BUILD_DIR CONSUMER_SOURCE_DIR CXX_COMPILER VERSION [CMAKE]
set -euo pipefail
build=$1 source=$2 cxx=$3 version=$4 cmake=${5:-cmake}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

"$cmake" --install "$build" --prefix "$prefix" > "$tmp/install.log"
echo "installed to $prefix: $(find "$prefix" -type f | wc -l) files"
for f in bin/dlmath libexec/dlmath/dlmath-full include/dlmath/dlmath.hpp include/dlmath/version.hpp include/dlmath/engine/tape.hpp \
         lib/libdlmath_engine.a lib/cmake/dlmath/dlmathConfig.cmake lib/cmake/dlmath/dlmathConfigVersion.cmake \
         lib/cmake/dlmath/dlmathTargets.cmake lib/pkgconfig/dlmath.pc share/man/man1/dlmath.1.gz \
         share/doc/dlmath/LICENSE; do
  [ -f "$prefix/$f" ] || { echo "FAIL: the install has no $f"; exit 1; }
done

# The consumer sees only the prefix: no package registry, no source tree.
"$cmake" -S "$source" -B "$tmp/consumer" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$cxx" \
      -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF > "$tmp/configure.log" 2>&1 ||
  { cat "$tmp/configure.log"; echo "FAIL: configuring the consumer"; exit 1; }
"$cmake" --build "$tmp/consumer" -j2 > "$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log"; echo "FAIL: building the consumer"; exit 1; }
"$tmp/consumer/sigmoid" > "$tmp/sigmoid.txt"
"$tmp/consumer/gradients" > "$tmp/gradients.txt"
"$prefix/bin/dlmath" inspect --seed 1 --json > "$tmp/inspect.json"
cat "$tmp/sigmoid.txt" "$tmp/gradients.txt"

# The same sigmoid program through pkg-config.
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
[ "$(pkg-config --modversion dlmath)" = "$version" ] || { echo "FAIL: dlmath.pc's version"; exit 1; }
# shellcheck disable=SC2046
"$cxx" -O2 $(pkg-config --cflags dlmath) "$source/sigmoid.cpp" -o "$tmp/sigmoid_pc" \
  $(pkg-config --libs dlmath) || { echo "FAIL: building with pkg-config"; exit 1; }
"$tmp/sigmoid_pc" | diff - "$tmp/sigmoid.txt" || { echo "FAIL: the pkg-config build prints otherwise"; exit 1; }

awk -v version="$version" '
function abs(v) { return v < 0 ? -v : v }
function sig(z) { return 1 / (1 + exp(-z)) }
function near(got, want, rel, floor) { return abs(got - want) <= rel * abs(want) + floor }
function check(what, got, want, rel, floor) {
  checked++
  if (!near(got, want, rel, floor)) { printf "FAIL: %s = %.17g, expected %.17g\n", what, got, want; bad++ }
}
function unquote(s) { sub(/,$/, "", s); gsub(/"/, "", s); return s }
FILENAME ~ /sigmoid.txt$/ { s[$1] = $2; next }
FILENAME ~ /gradients.txt$/ {
  if (FNR == 1) { if ($2 != version) { print "FAIL: the consumer reports version " $2; bad++ } ; next }
  if ($1 == "cost") { cost = $2; next }
  n++; name[n] = $1; grad[n] = $2; next
}
# dlmath inspect --json: one key per line.
/"cost":/ { want_cost = unquote($2) }
/"name":/ { m++; want_name[m] = unquote($2) }
/"gradient":/ { want_grad[m] = unquote($2) }
/"finite_difference":/ { want_fd[m] = unquote($2) }
END {
  z = 1.5 * 0.5 - 0.25; y = sig(z); d = y * (1 - y)
  check("y", s["y"], y, 1e-14, 0)
  check("dy/dw", s["dy/dw"], d * 0.5, 1e-14, 0)
  check("dy/dx", s["dy/dx"], d * 1.5, 1e-14, 0)
  check("dy/db", s["dy/db"], d, 1e-14, 0)
  if (n != 23 || m != 23) { printf "FAIL: %d gradients from the consumer, %d from dlmath inspect; expected 23\n", n, m; bad++ }
  check("cost", cost, want_cost, 1e-13, 0)
  for (k = 1; k <= n; k++) {
    if (name[k] != want_name[k]) { printf "FAIL: parameter %d is %s, dlmath inspect says %s\n", k, name[k], want_name[k]; bad++ }
    check("dC/d" name[k], grad[k], want_grad[k], 1e-13, 1e-17)
    check("dC/d" name[k] " against central differences", grad[k], want_fd[k], 1e-6, 1e-10)
  }
  printf "%d values checked, %d wrong\n", checked, bad
  exit bad > 0
}' "$tmp/sigmoid.txt" "$tmp/gradients.txt" "$tmp/inspect.json"
