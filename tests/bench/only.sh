#!/usr/bin/env bash
# bench_higham_sgd --only WAY STEPS [double|float50]: one way alone, for counting its
# instructions. In float50 the replay and the tight loop reach the same parameters; a STEPS or a
# type it cannot take is refused with exit 2 and the usage line, never run as something else.
set -uo pipefail
bench=$1
theta() { "$bench" --only "$1" 3 float50 | sed -n 's/.*theta\[0\] = //p'; }
tight=$(theta tight) replay=$(theta replay)
[ -n "$tight" ] && [ "$tight" = "$replay" ] ||
  { echo "FAIL: float50 tight '$tight' and replay '$replay' differ after 3 steps"; exit 1; }
[ "$("$bench" --only replay 3 | sed -n 's/.*theta\[0\] = //p')" != "" ] ||
  { echo "FAIL: --only replay 3 (double) printed no theta"; exit 1; }
for args in "replay|" "replay| " "replay|5x" "replay|-1" "replay|1e3" "replay|3|float51" \
  "replay|3|float50|x" "replay|100000001"; do
  IFS='|' read -r -a argv <<< "$args|"
  out=$("$bench" --only "${argv[@]}" 2>&1); rc=$?
  if [ $rc -ne 2 ] || ! grep -q "write --only WAY STEPS" <<< "$out"; then
    echo "FAIL: --only ${argv[*]}: exit $rc, '$out'"; exit 1
  fi
done
echo "ok"
