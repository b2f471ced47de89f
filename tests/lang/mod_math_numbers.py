# Number crunching with the math module: geometry, statistics, primes and
# combinatorics. Floats are printed with repr, so every bit must match.
import math
from math import comb, factorial, gcd, isqrt, pi, sqrt

# --- geometry -------------------------------------------------------------
def polygon_area(pts):
    s = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % len(pts)]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2

def perimeter(pts):
    return math.fsum(math.dist(pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts)))

hexagon = [(math.cos(k * pi / 3), math.sin(k * pi / 3)) for k in range(6)]
print("hexagon area", polygon_area(hexagon), "perimeter", perimeter(hexagon))
print("circle", pi * 2.5 ** 2, 2 * pi * 2.5, math.tau)
for x, y in [(3, 4), (1, 1), (-2, 5), (0.1, 0.2), (1e200, 1e200), (5e-324, 5e-324)]:
    print("polar", x, y, math.hypot(x, y), math.degrees(math.atan2(y, x)))
print("3d", math.hypot(1, 2, 2), math.dist((1, 2, 3), (4, 6, 15)), math.hypot())
angle = math.radians(30)
print("trig", math.sin(angle), math.cos(angle), math.tan(angle), math.asin(0.5), math.acos(-1))
print("hyperbolic", math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))

# --- statistics -------------------------------------------------------------
data = [2.5, 3.1, 4.7, 1.9, 3.3, 5.8, 4.1, 2.2, 3.9, 4.4] * 3 + [0.1] * 7
n = len(data)
mean = math.fsum(data) / n
var = math.fsum((x - mean) ** 2 for x in data) / (n - 1)
print("mean", mean, "naive", sum(data) / n)
print("stdev", sqrt(var), "prod", math.prod(data[:5]), math.prod(range(1, 11), start=0.5))
print("fsum exact", math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
print("isclose", math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-10, 0, abs_tol=1e-9), 0.1 + 0.2 == 0.3)
print("logs", math.log(100), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(1e-10))
print("big logs", math.log(10**400), math.log10(10**400 + 1), math.log2(3**1000), math.log(7**500, 7))
print("exp", math.exp(1), math.expm1(1e-10), math.pow(2, 0.5), math.sqrt(2), math.cbrt(-27), math.exp2(0.5))
print("special", math.gamma(0.5) ** 2, math.lgamma(100), math.erf(0.5), math.erfc(2), math.gamma(-2.5))

# --- rounding -------------------------------------------------------------------
for v in [2.5, -2.5, 1e20, -0.0, 7, True, 3.999999999]:
    print("round", v, math.floor(v), math.ceil(v), math.trunc(v), math.modf(v), math.frexp(v))
print("fmod", math.fmod(7.5, 2), math.fmod(-7.5, 2), math.remainder(7.5, 2), math.copysign(3, -0.0))
print("ldexp", math.ldexp(0.75, 4), math.ulp(1.0), math.nextafter(1.0, 2.0), math.fabs(-4))

# --- primes -------------------------------------------------------------------------
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, isqrt(n) + 1):
        if n % d == 0:
            return False
    return True

print("primes", [p for p in range(2, 80) if is_prime(p)])
print("isqrt", isqrt(10**50), isqrt(2**127 - 1), isqrt(99), is_prime(2**31 - 1))
print("gcd", gcd(1071, 462), gcd(2**100, 6**50), gcd(), gcd(-12, 18, 30), math.lcm(4, 6, 10), math.lcm())

# --- combinatorics --------------------------------------------------------------------
print("comb", comb(10, 3), comb(52, 5), comb(100, 50), comb(5, 9))
print("perm", math.perm(10, 3), math.perm(6), math.perm(3, 5))
catalan = [comb(2 * k, k) // (k + 1) for k in range(15)]
print("catalan", catalan)
f100 = factorial(100)
print("100!", f100)
print("digits of 1000!", len(str(factorial(1000))), sum(int(c) for c in str(factorial(1000))))
print("pascal", [[comb(r, k) for k in range(r + 1)] for r in range(7)])

# --- errors --------------------------------------------------------------------------------
for f, args in [(math.sqrt, (-1,)), (math.log, (0,)), (math.exp, (1000,)), (math.factorial, (-3,)),
                (math.factorial, (2.0,)), (math.sqrt, ("x",)), (math.floor, (math.inf,)),
                (math.comb, (3, -1)), (math.isqrt, (-4,)), (math.fsum, ([math.inf, -math.inf],)),
                (math.pow, (0, -1)), (math.dist, ((1, 2), (1, 2, 3))), (math.log, (1, 1))]:
    try:
        print(f(*args))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
print(math.inf, -math.inf, math.nan, math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308))
