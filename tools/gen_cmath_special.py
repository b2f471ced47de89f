#!/usr/bin/env python3
"""Generate the tables of special values of stdlib/cmath.py (the block
between its `# BEGIN SPECIAL` and `# END SPECIAL` lines).

Run with CPython 3.11 (its cmath is the oracle, C99 Annex G):
    python3 tools/gen_cmath_special.py stdlib/cmath.py

A complex argument x+yj whose parts are not both finite is classified by
part into seven kinds (-inf, finite < 0, -0.0, +0.0, finite > 0, +inf,
nan); for each function and each pair of kinds the table holds what
CPython's cmath gives for every argument of that pair, read off CPython
itself over several samples of each finite kind:
  (re, im)   the result (the same for every sample),
  'V' / 'O'  ValueError / OverflowError ("math domain error" / "math
             range error"),
  'C'        a result that depends on the finite part (exp, cosh, sinh,
             tanh and rect of an infinite part and a finite nonzero one,
             and sin, cos, tan through them): stdlib/cmath.py computes it,
  None       both parts finite (never looked up).
Any other variation across samples stops the generator.
"""
import cmath
import math
import sys

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

inf, nan = math.inf, math.nan
KINDS = [
    ("NINF", [-inf]),
    ("NEG", [-0.5, -2.3, -4.0, -1e300, -1e-310, -3.0]),
    ("NZERO", [-0.0]),
    ("PZERO", [0.0]),
    ("POS", [0.5, 2.3, 4.0, 1e300, 1e-310, 3.0]),
    ("PINF", [inf]),
    ("NAN", [nan]),
]
FINITE = {"NEG", "NZERO", "PZERO", "POS"}
FUNCTIONS = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
             "log10", "sin", "sinh", "sqrt", "tan", "tanh", "rect"]
ERRORS = {ValueError: ("V", "math domain error"), OverflowError: ("O", "math range error")}


def outcome(name, x, y):
    try:
        if name == "rect":
            r = cmath.rect(x, y)
        else:
            r = getattr(cmath, name)(complex(x, y))
    except (ValueError, OverflowError) as e:
        code, msg = ERRORS[type(e)]
        assert str(e) == msg, (name, x, y, e)
        return code
    return (r.real, r.imag)


def same(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return all(repr(p) == repr(q) for p, q in zip(a, b))


def entry(name, ka, kb):
    if ka[0] in FINITE and kb[0] in FINITE:
        return None
    outs = [outcome(name, x, y) for x in ka[1] for y in kb[1]]
    if all(same(outs[0], o) for o in outs):
        return outs[0]
    if all(not isinstance(o, str) for o in outs):
        return "C"
    sys.exit(f"{name}({ka[0]}, {kb[0]}): results vary in kind: {outs}")


def literal(e):
    if e is None or isinstance(e, str):
        return repr(e)
    return "(" + ", ".join(repr(p) for p in e) + ")"


def main():
    lines = ["# BEGIN SPECIAL (tools/gen_cmath_special.py writes this block)",
             "_SPECIAL = {"]
    for name in FUNCTIONS:
        lines.append(f"    {name!r}: (")
        for ka in KINDS:
            row = ", ".join(literal(entry(name, ka, kb)) for kb in KINDS)
            lines.append(f"        ({row}),")
        lines.append("    ),")
    lines.append("}")
    lines.append("# END SPECIAL")
    block = "\n".join(lines) + "\n"
    if len(sys.argv) < 2:
        sys.stdout.write(block)
        return
    path = sys.argv[1]
    with open(path) as f:
        text = f.read()
    start = text.index("# BEGIN SPECIAL")
    end = text.index("# END SPECIAL")
    end = text.index("\n", end) + 1
    with open(path, "w") as f:
        f.write(text[:start] + block + text[end:])


main()
