#!/usr/bin/env python3
"""`dlmath diff` against SymPy on a corpus of derivatives (corpus.tsv beside this file).

For each derivative:
  - the formula `dlmath diff` prints (its `t` lines included) is read back by
    `dlmath eval --precision 50` at three points and must equal SymPy's derivative there to 40
    significant digits;
  - its size in tokens is set beside the size of SymPy's simplify() of the same derivative.

Tokens: names (inputs, functions, the `t` names), numbers and the operators + - * / ^ =.
Parentheses and commas are not counted. SymPy's result is written in dlmath's syntax (** as ^)
and counted by the same rule.

SymPy knows sigmoid as a function whose derivative is sigmoid*(1 - sigmoid), and softplus as
one whose derivative is sigmoid, as dlmath does.

The test fails unless every value agrees, the total of our sizes is at most SymPy's, the
median of the ratios ours/SymPy is at most 1 and the largest ratio at most 2.

usage: check_against_sympy.py DLMATH CORPUS
"""
import json
import re
import statistics
import subprocess
import sys
from decimal import Decimal

try:
    import sympy as sp
    from sympy.parsing.sympy_parser import (convert_xor, parse_expr, rationalize,
                                            standard_transformations)
except ImportError:
    sys.exit("check_against_sympy: SymPy is missing: install python3-sympy "
             "(scripts/install-deps.sh does)")


class sigmoid(sp.Function):
    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)


class softplus(sp.Function):
    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])


TRANSFORMS = standard_transformations + (convert_xor, rationalize)
TOKEN = re.compile(r"(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?P<name>[A-Za-z_]\w*)"
                   r"|(?P<op>[-+*/^=])|(?P<other>[(),;\n])|(?P<space>[ \t]+)")


def tokens(text):
    """Names, numbers and operators in `text`; parentheses, commas and spaces are not counted."""
    n = 0
    pos = 0
    for m in TOKEN.finditer(text):
        if m.start() != pos:
            raise ValueError(f"cannot count the tokens of {text!r} at {pos}")
        pos = m.end()
        if m.lastgroup in ("number", "name", "op"):
            n += 1
    if pos != len(text):
        raise ValueError(f"cannot count the tokens of {text!r} at {pos}")
    return n


def sympy_program(source):
    """A dlmath program (statements separated by ';' or newlines) as one SymPy expression."""
    env = {"sigmoid": sigmoid, "softplus": softplus}
    result = None
    for statement in re.split(r"[;\n]", source):
        statement = statement.split("#")[0].strip()
        if not statement:
            continue
        m = re.match(r"^([A-Za-z_]\w*)\s*=(.*)$", statement)
        text = m.group(2) if m else statement
        value = parse_expr(text, local_dict=dict(env), transformations=TRANSFORMS)
        if m:
            env[m.group(1)] = value
        result = value
    return result


def sympy_text(e):
    return sp.sstr(e).replace("**", "^")


def explicit(e):
    """sigmoid and softplus written out, for evaluation."""
    return e.replace(sigmoid, lambda a: 1 / (1 + sp.exp(-a))).replace(
        softplus, lambda a: sp.log(1 + sp.exp(a)))


def point(names, k):
    """The k-th point: input j (sorted by name) is 0.31, 0.67 or 1.43, plus 0.17 j."""
    return {name: str(Decimal(("0.31", "0.67", "1.43")[k]) + Decimal("0.17") * j)
            for j, name in enumerate(sorted(names))}


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.strip()}")
    return p.stdout


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    dlmath, corpus = sys.argv[1], sys.argv[2]
    rows = []
    for line in open(corpus, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        source, wrt, order = line.split("\t")
        rows.append((source, wrt, int(order)))

    failures = []
    table = []
    for source, wrt, order in rows:
        ours = run([dlmath, "diff", source, "--wrt", wrt, "--order", str(order),
                    "--precision", "50"]).strip()
        f = sympy_program(source)
        d = sp.diff(f, sp.Symbol(wrt), order)
        simplified = sp.simplify(d)
        theirs = sympy_text(simplified)
        # The inputs the printed formula reads: names of the program that occur in it.
        program_names = {str(s) for s in f.free_symbols}
        used = {t for t in re.findall(r"[A-Za-z_]\w*", ours) if t in program_names}
        agree = True
        for k in range(3):
            at = point(used | program_names, k)
            value = json.loads(run([dlmath, "eval", ours, "--precision", "50", "--json"] +
                                   [f"--at={n}={at[n]}" for n in sorted(used)]))["value"]
            subs = {sp.Symbol(n): sp.Rational(v) for n, v in at.items()}
            exact = sp.N(explicit(d).subs(subs), 60)
            got = sp.Float(value, 60)
            if abs(got - exact) > sp.Float("1e-40", 60) * max(1, abs(exact)):
                agree = False
                failures.append(f"{source} d/d{wrt} order {order} at {at}: dlmath {value}, "
                                f"SymPy {sp.N(exact, 45)}\n  printed: {ours!r}")
        a, b = tokens(ours), tokens(theirs)
        table.append((source, wrt, order, a, b, a / b if b else (1.0 if a == b else float(a)),
                      agree, ours, theirs))

    width = max(len(r[0]) for r in table)
    print(f"{'program':<{width}}  wrt  n  ours  sympy  ratio  values")
    for source, wrt, order, a, b, ratio, agree, _, _ in table:
        print(f"{source:<{width}}  {wrt:<3}  {order}  {a:4d}  {b:5d}  {ratio:5.2f}  "
              f"{'agree' if agree else 'DIFFER'}")
    total_ours = sum(r[3] for r in table)
    total_sympy = sum(r[4] for r in table)
    ratios = [r[5] for r in table]
    median, worst = statistics.median(ratios), max(ratios)
    print(f"{len(table)} derivatives: tokens {total_ours} (dlmath) against {total_sympy} "
          f"(SymPy simplify), {total_ours / total_sympy:.3f} of it; median ratio {median:.3f}, "
          f"largest {worst:.3f}")
    print("\nformulas (dlmath | SymPy):")
    for source, wrt, order, _, _, _, _, ours, theirs in table:
        print(f"  d^{order}/d{wrt}^{order} {source}:\n    {ours.replace(chr(10), '; ')}\n"
              f"    {theirs}")

    if total_ours > total_sympy:
        failures.append(f"total tokens {total_ours} > SymPy's {total_sympy}")
    if median > 1:
        failures.append(f"median ratio {median:.3f} > 1")
    if worst > 2:
        failures.append(f"largest ratio {worst:.3f} > 2")
    if failures:
        print("\nFAILED:\n" + "\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
