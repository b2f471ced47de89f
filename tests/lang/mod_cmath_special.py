# cmath on infinite and NaN parts: every function over a grid of special and
# ordinary values, with CPython's special values (C99 Annex G) and errors
# (V: ValueError, O: OverflowError); rect, polar, phase, log with a base.
import cmath
import math
inf, nan = math.inf, math.nan
parts = [-inf, -2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 3.0, inf, nan, 1e-310, -1e300]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
         "log10", "sin", "sinh", "sqrt", "tan", "tanh"]
def show(f):
    try:
        r = f()
        if isinstance(r, tuple):
            return repr(r)
        return repr(r)
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return type(e).__name__[0]
for name in names:
    f = getattr(cmath, name)
    out = []
    for x in parts:
        for y in parts:
            out.append(show(lambda: f(complex(x, y))))
    print(name, " ".join(out))
for x in parts:
    print("rect", " ".join(show(lambda: cmath.rect(x, y)) for y in parts))
    print("polar", " ".join(show(lambda: cmath.polar(complex(x, y))) for y in parts))
    print("phase", " ".join(show(lambda: cmath.phase(complex(x, y))) for y in parts))
    print("log2", " ".join(show(lambda: cmath.log(complex(x, y), 2)) for y in parts))
    print("logb", " ".join(show(lambda: cmath.log(2, complex(x, y))) for y in parts))
    print("isx", " ".join(str((cmath.isinf(complex(x, y)), cmath.isnan(complex(x, y)), cmath.isfinite(complex(x, y)))) for y in parts))
print(cmath.log(0, 2), cmath.log(1j, 1j))
