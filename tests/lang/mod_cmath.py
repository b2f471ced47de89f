# cmath: the complex functions on finite arguments (Aithon's stdlib/cmath.py
# follows CPython's algorithms; mod_cmath_special has the infinite and NaN
# ones), polar/rect conversions, constants and errors.
import cmath
import math

values = [0j, 1 + 2j, -1 - 1j, 3, -4, 0.5 - 0.25j, 1e-320 + 1e-320j, 1e308 + 1e308j,
          -1e200j, 1j, 1.2 + 0.3j, 0.99 + 0.1j, complex(-0.0, -0.0)]
functions = [cmath.sqrt, cmath.exp, cmath.log, cmath.log10, cmath.sin, cmath.cos, cmath.tan,
             cmath.sinh, cmath.cosh, cmath.tanh, cmath.asin, cmath.acos, cmath.atan,
             cmath.asinh, cmath.acosh, cmath.atanh]
for f in functions:
    row = []
    for z in values:
        try:
            row.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            row.append(f"{type(e).__name__}({e})")
    print(f.__name__, " ".join(row))

for z in [1 + 1j, -2, 3j, -1e-9 - 1j]:
    r, phi = cmath.polar(z)
    back = cmath.rect(r, phi)
    print(z, (r, phi), cmath.phase(z), back, cmath.isclose(back, z))

print(cmath.log(8, 2), cmath.log(1j, 1 + 1j), cmath.rect(2, 0), cmath.rect(1, math.pi / 2))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nanj)
print(cmath.isfinite(1 + 1j), cmath.isinf(cmath.infj), cmath.isnan(cmath.nanj))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j, rel_tol=0.2))

# Roots of unity.
n = 6
roots = [cmath.exp(2j * cmath.pi * k / n) for k in range(n)]
print([f"{r.real:+.3f}{r.imag:+.3f}j" for r in roots])
print(abs(sum(roots)) < 1e-12)

class Volts:
    def __complex__(self):
        return -4 + 0j


print(cmath.sqrt(Volts()), cmath.phase(Volts()))
try:
    cmath.sqrt("4")
except TypeError as e:
    print("TypeError:", e)
