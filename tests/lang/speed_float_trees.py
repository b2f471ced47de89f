# Arithmetic on locals computed on unboxed doubles must give CPython's
# results and errors for every type a local may hold.
import math


def poly(a, b, c):
    return a * a + b * b - c * 2 + a / 4


def cmp(a, b):
    return a * a + b * b > 4.0, a * b <= -b, a - b == 0.5, a + 0 != b


for args in [(1.5, 2.25, 0.5), (1, 2, 3), (2**60, 3, 1), (1.5, 2**60, 3), (True, 2.0, 1),
             (float("inf"), 1.0, 2.0), (float("nan"), 1.0, 0.0), (-0.0, 0.0, -0.0),
             (10**30, 1.0, 2), (3, 4.0, 2**53 + 1)]:
    r = poly(*args)
    print(args, r, type(r).__name__, cmp(args[0], args[1]))


def signs(i, x):
    a = -i + x
    b = -x * i
    c = x - -0 * 1.0
    return a, b, c, math.copysign(1.0, a), math.copysign(1.0, b)


print(signs(0, -0.0), signs(0, 0.0), signs(3, -0.0))


def divs(a, b, c):
    return a / b + c * 1.0


print(divs(1, 3, 0.0), divs(2**53 + 1, 3, 0.5), divs(-7, 2, 0.0), divs(0, -5, 0.0))
for args in [(1.0, 0.0, 1.0), (1, 0, 1.0), (1.0, 0, 2.0)]:
    try:
        divs(*args)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


def mandel(w, h):
    inside = 0
    for y in range(h):
        for x in range(w):
            cr = -2.0 + 3.0 * x / w
            ci = -1.0 + 2.0 * y / h
            zr = zi = 0.0
            for i in range(50):
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                if zr * zr + zi * zi > 4.0:
                    break
            else:
                inside += 1
    return inside


print(mandel(30, 20))


class V:
    def __init__(self, v):
        self.v = v

    def __mul__(self, o):
        print("mul", self.v, o)
        return V(self.v * (o.v if isinstance(o, V) else o))

    __rmul__ = __mul__

    def __add__(self, o):
        print("add", self.v)
        return V(self.v + (o.v if isinstance(o, V) else o))

    def __repr__(self):
        return "V(%r)" % self.v


print(poly(V(2), 1.0, 0.5) if False else None)
a = V(3)
b = 2.0
print((lambda a, b: a * b + b * a + 1.0)(a, b))


def unbound(flag):
    if flag:
        x = 1.0
    return x * 2.0 + 1.0


print(unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def strs(s, n):
    return s * n + s * 2


print(strs("ab", 3))
try:
    print(strs(1.5, "x"))
except TypeError as e:
    print("TypeError:", e)


# Leaves that are items of lists or tuples and attributes of instances:
# read on the fast way only when nothing can run; else the generic way,
# in CPython's order.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q:
    def __init__(self):
        self.y = 2.0

    @property
    def x(self):
        print("getter x")
        return 1.5


class Loud(list):
    def __getitem__(self, i):
        print("getitem", i)
        return list.__getitem__(self, i)


def dot(a, b):
    return a.x * b.x + a.y * b.y + 0.5


def items(v, i):
    return v[0] * v[i] + v[-1] * 2.0


print(dot(P(1.5, 2.0), P(3.0, 4.0)), dot(P(1, 2), P(3, 4)), dot(P(1.5, 2), Q()))
print(items([1.5, 2.0, 3.0], 1), items((2, 3.5), 1), items(Loud([1.0, 2.0]), 1), items({0: 1.0, 1: 2.0, -1: 3.0}, 1))
for bad in [([1.0], 5), ([1.0, "s"], 1), (P(1, 2), 0)]:
    try:
        print(items(*bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    dot(P(1.0, 2.0), object())
except AttributeError as e:
    print("AttributeError:", e)


def aug(v, p, d):
    x = 1.0
    v[0] -= d * 2.0
    v[-1] += d / 4
    p.x *= d - 1.0
    p.y /= d + d
    x += d * d
    return v, p.x, p.y, x


print(aug([1.0, 2.0], P(3.0, 4.0), 2.0))
print(aug([1, 2], P(3, 4), 2))
print(aug(Loud([1.0, 2.0]), P(1.0, 1.0), 0.5))
try:
    aug([1.0, 2.0], P(3.0, 4.0), 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    aug([], P(1.0, 1.0), 1.0)
except IndexError as e:
    print("IndexError:", e)


class R:
    def __init__(self):
        self._x = 1.0

    @property
    def x(self):
        print("get")
        return self._x

    @x.setter
    def x(self, v):
        print("set", v)
        self._x = v

    y = 2.0


print(aug([1.0, 2.0], R(), 3.0))
