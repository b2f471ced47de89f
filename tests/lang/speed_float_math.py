# math.sqrt, sin, cos, exp, fabs, tan, atan inside float trees: libm inline
# when the callee is math's own function and the argument a float;
# CPython's errors, other callees and other arguments otherwise.
import math
from math import sqrt, sin, cos, exp

calls = []


def norm(x, y, z):
    return sqrt(x * x + y * y + z * z) * 1.0


def trig(a):
    return sin(a) * cos(a) + math.tan(a) * 0.5 - math.atan(a) + math.fabs(-a) * 2.0


def growth(t):
    return exp(t) * 2.0 + math.exp(-t)


for args in [(1.0, 2.0, 2.0), (3, 4, 0), (2**60, 1, 1), (10**200, 0, 0), (1e200, 1e200, 0.0)]:
    try:
        print(norm(*args))
    except OverflowError as e:
        print("OverflowError:", e)
for a in (0.0, 0.5, -1.25, 3, 1e10, float("nan")):
    print(trig(a))
for bad in (float("inf"), "x", None):
    try:
        print(trig(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for t in (1.0, 0, -700.5, 700.0):
    print(growth(t))
for t in (710.0, 1e308):
    try:
        print(growth(t))
    except OverflowError as e:
        print("OverflowError:", e)
try:
    print(norm(-1.0, 0, 0) + sqrt(-1.0) * 2.0)
except ValueError as e:
    print("ValueError:", e)


class M:
    def sqrt(self, v):
        calls.append(v)
        return "M.sqrt"

    def __getattr__(self, name):
        calls.append(name)
        return lambda v: 2.5


def other(m, v):
    return m.sqrt(v) * 2.0 if False else m.sqrt(v) + "!"


def other2(m, v):
    return m.sin(v) * 2.0 + 1.0


print(other(M(), 4.0), other2(M(), 1.0), calls)


def shadowed(v):
    sqrt = lambda q: q * 10
    return sqrt(v) * 1.0 + 1.0


print(shadowed(3.0))


class Num:
    def __float__(self):
        return 16.0


print(sqrt(Num()) * 2.0, norm(True, False, 2.0))


def local_norm(p):
    n = sqrt(p[0] * p[0] + p[1] * p[1])
    n = n * 2.0
    return n


print(local_norm([3.0, 4.0]), local_norm((6, 8)))
