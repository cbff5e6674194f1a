#!/usr/bin/env bash
# examples/first_look: y = sigma(a x + b) with a = 2, b = -1, at x = 0.5 and then x = 0.8. Its
# values and derivatives against the closed forms sigma(z) = 1/(1 + e^-z),
# dy/da = sigma(z) (1 - sigma(z)) x and dy/db = sigma(z) (1 - sigma(z)).
# Usage: first_look.sh FIRST_LOOK
set -euo pipefail
out=$("$1")
echo "$out"
echo "$out" | awk '
function abs(v) { return v < 0 ? -v : v }
function sig(z) { return 1 / (1 + exp(-z)) }
function check(what, got, want) {
  checked++
  if (abs(got - want) > 1e-14 * abs(want)) { printf "FAIL: %s = %.17g, expected %.17g\n", what, got, want; bad++ }
}
{ gsub(/,/, "") }
/^y = / { y = $3; dyda1 = $6 }
/^dy\/da = .* dy\/db = / { dyda2 = $3; dydb = $6 }
/^dy\/da as a formula:/ { formula = 1 }
formula && /sigmoid\((a\*x|t1)/ { formula_text = 1 }
/^at x = 0.8:/ { y8 = $7; dyda8 = $10; formula8 = $14 }
END {
  s = sig(2 * 0.5 - 1); check("y at x = 0.5", y, s)
  check("dy/da at x = 0.5 (backward)", dyda1, s * (1 - s) * 0.5)
  check("dy/da at x = 0.5 (derivatives)", dyda2, s * (1 - s) * 0.5)
  check("dy/db at x = 0.5", dydb, s * (1 - s))
  s = sig(2 * 0.8 - 1); check("y at x = 0.8", y8, s)
  check("dy/da at x = 0.8 (backward)", dyda8, s * (1 - s) * 0.8)
  check("dy/da at x = 0.8 (the formula replayed)", formula8, s * (1 - s) * 0.8)
  if (!formula_text) { print "FAIL: no formula in sigmoid(a*x + b) printed"; bad++ }
  printf "%d values checked, %d wrong\n", checked, bad
  exit bad > 0
}'
