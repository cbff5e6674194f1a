#!/bin/sh
# Writes the hostile-input suite's files into $1: CSV and JSON files that are wrong in one way
# each, programs, and a few large files made on the spot (nothing large is kept in the repo).
set -eu
F="$1"
mkdir -p "$F"
cd "$F"
good='x1,x2,class'
printf '%s\n0.1,0.1,A\n0.3,0.4,A\n0.1,0.5,A\n0.6,0.9,A\n0.4,0.2,A\n0.3,0.6,B\n0.5,0.6,B\n0.9,0.2,B\n0.4,0.4,B\n0.7,0.6,B\n' "$good" > good.csv
csv_with() { printf '%s\n0.1,0.1,A\n%s\n0.5,0.6,B\n' "$good" "$2" > "$1.csv"; }
csv_with nan 'nan,0.2,A'
csv_with inf 'inf,0.2,B'
csv_with neginf '-inf,0.2,B'
csv_with hex '0x10,0.2,A'
csv_with hexfloat '0x1p3,0.2,A'
csv_with big '1e400,0.2,A'
csv_with tiny '1e-400,0.2,A'
csv_with huge_exponent '1e18446744073709551617,0.2,A'
csv_with ragged '0.2,0.3'
csv_with long_row '0.2,0.3,0.4,A'
csv_with empty_field ',0.3,A'
csv_with empty_class '0.2,0.3,'
csv_with word 'abc,0.3,A'
csv_with comma_decimal '0,5,0.3,A'
csv_with two_points '0.1.2,0.3,A'
csv_with space_inside '0. 1,0.3,A'
printf '%s\n%s\n' "$good" "$(head -c 30000 /dev/zero | tr '\0' '1'),0.2,A" > many_digits.csv
printf '%s\n0.1,0.1,A\n0.2,0.2,A\n' "$good" > single_class.csv
printf '%s\n' "$good" > header_only.csv
: > empty.csv
printf 'x1\n0.1\n' > one_column.csv
printf '\0\1\2\3binary\0\n\377\376\n' > binary.csv
printf 'x,class\n0.1,A\n0.9,B\n0.2,A\n0.8,B\n' > one_feature.csv
printf 'a,b,c,class\n0.1,0.2,0.3,A\n0.9,0.8,0.7,B\n' > three_features.csv
mkdir -p a_directory.csv
# One large data set, to show cost records do not dominate training (10^6 rows).
awk 'BEGIN { print "x1,x2,class"; srand(7); for (i = 0; i < 1000000; i++) { x = rand(); y = rand(); print x "," y "," (x + y > 1 ? "B" : "A") } }' > million.csv
# A file over the size limit (64 MiB), sparse so it costs no disk.
truncate -s 70M too_big.csv
mkfifo fifo.csv 2>/dev/null || true

# Parameter files: one good one written by the command under test elsewhere; these are wrong.
params() {  # name, layers, activation, value of W2[1,1]
  {
    printf '{"layers": %s, "activation": %s, "parameters": [' "$2" "$3"
    n=0
    for p in 'W2[1,1]' 'W2[1,2]' 'W2[2,1]' 'W2[2,2]' 'b2[1]' 'b2[2]' 'W3[1,1]' 'W3[1,2]' 'W3[2,1]' 'W3[2,2]' 'W3[3,1]' 'W3[3,2]' 'b3[1]' 'b3[2]' 'b3[3]' 'W4[1,1]' 'W4[1,2]' 'W4[1,3]' 'W4[2,1]' 'W4[2,2]' 'W4[2,3]' 'b4[1]' 'b4[2]'; do
      v=0.25
      [ "$p" = 'W2[1,1]' ] && v="$4"
      [ $n -gt 0 ] && printf ', '
      printf '{"name": "%s", "value": "%s"}' "$p" "$v"
      n=$((n + 1))
    done
    printf ']}\n'
  } > "$1.json"
}
params good_params '[2,2,3,2]' '"sigmoid"' 0.5
params value_nan '[2,2,3,2]' '"sigmoid"' nan
params value_inf '[2,2,3,2]' '"sigmoid"' inf
params value_hex '[2,2,3,2]' '"sigmoid"' 0x1p3
params value_big '[2,2,3,2]' '"sigmoid"' 1e400
params value_word '[2,2,3,2]' '"sigmoid"' half
params value_exponent '[2,2,3,2]' '"sigmoid"' 1e99999999999999999999
params layers_wrap '[2,4294967298,3,2]' '"sigmoid"' 0.5
params layers_negative '[2,-2,3,2]' '"sigmoid"' 0.5
params layers_float '[2,2.5,3,2]' '"sigmoid"' 0.5
params layers_huge '[2,100000000,2]' '"sigmoid"' 0.5
params layers_zero '[2,0,3,2]' '"sigmoid"' 0.5
params layers_string '["2","2","3","2"]' '"sigmoid"' 0.5
params activation_unknown '[2,2,3,2]' '"swish"' 0.5
params activation_count '[2,2,3,2]' '["tanh","sigmoid"]' 0.5
params activation_number '[2,2,3,2]' '7' 0.5
printf '{"layers": [2,100000000,2]}' > small_huge.json
printf '{"layers": 1e9999, "parameters": []}' > number_overflow.json
printf '{"layers": [2,2,3,2], "parameters": [' > truncated.json
printf 'not json at all' > not_json.json
printf '[1, 2, 3]' > array.json
printf '{}' > empty_object.json
: > empty.json
# The paper's 23 parameters, right but for one thing (a short list would fail its count first).
sed 's/"value": "0.5"/"value": 0.5/' good_params.json > value_number.json
sed 's/W2\[1,1\]/W2[9,9]/' good_params.json > wrong_name.json
printf '{"layers": [3,2,2], "parameters": []}' > wrong_shape.json
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]" }' > deep.json
printf '\357\273\277{"layers": [2,2,3,2]' > bom_truncated.json

# Programs.
printf 'x*y + sin(x)\n' > program.txt
printf 'a = x*x\nb = a +\n' > program_error.txt
awk 'BEGIN { printf "x"; for (i = 0; i < 3000; i++) printf " + %d*x", i; print "" }' > terms3000.txt
awk 'BEGIN { printf "x"; for (i = 0; i < 1000000; i++) printf "+x"; print "" }' > terms1e6.txt
awk 'BEGIN { for (i = 0; i < 400; i++) printf "+x%d*x%d", i, (i + 1) % 400; print "" }' > inputs400.txt
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "("; printf "x"; for (i = 0; i < 100000; i++) printf ")"; print "" }' > nested.txt
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "("; printf "x"; for (i = 0; i < 100000; i++) printf " + 1)*x"; print "" }' > nested_sums.txt
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "sin("; printf "x"; for (i = 0; i < 100000; i++) printf ")"; print "" }' > nested_sines.txt
awk 'BEGIN { printf "x*"; for (i = 0; i < 30000; i++) printf "1"; print "" }' > long_literal.txt
# A running sum halved after every term: each product looks like the end of a half squared error
# (ops/sweep_squared_error.hpp), which the backward sweep must reject without walking the sum.
awk 'BEGIN { print "s = x"; for (i = 0; i < 300000; i++) print "s = s + x\nt = 0.5*s"; print "t" }' > halves.txt
printf 'x +\0 1\n' > nul.txt
truncate -s 70M too_big.txt
: > empty.txt
printf '# only a comment\n' > comment.txt
echo done
