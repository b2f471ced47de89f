# Locals read by a math call's argument (sqrt(x * x + y * y)) are kept
# as doubles when they come from float attributes; ints, big ints, bools
# and user numbers in the same places must give CPython's results.
import math
from math import sqrt, hypot


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        x = self.x
        y = self.y
        n = sqrt(x * x + y * y)
        self.x /= n
        self.y /= n
        return n

    def angle(self):
        x = self.x
        return math.atan(x / 1.0) + math.floor(x)


class Num:
    def __init__(self, v):
        self.v = v

    def __mul__(self, o):
        return Num(self.v * (o.v if isinstance(o, Num) else o))

    __rmul__ = __mul__

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    __radd__ = __add__

    def __truediv__(self, o):
        return self.v / o

    def __float__(self):
        return float(self.v)


for args in [(3.0, 4.0), (3, 4), (True, False), (10 ** 20, 0), (Num(6), Num(8)), (0.5, 1)]:
    v = V(*args)
    n = v.norm()
    print(type(args[0]).__name__, n, v.x, v.y)

for a in [2.5, -2.5, 7, True]:
    print(V(a, 0).angle())

try:
    V('a', 'b').norm()
except TypeError as e:
    print('TypeError', e)
try:
    V(10 ** 400, 1).norm()
except OverflowError as e:
    print('OverflowError', e)
try:
    V(0.0, 0.0).norm()
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)


def loop(ps):
    total = 0.0
    for p in ps:
        x = p.x
        total += sqrt(x * 2.0) if x > 0 else 0.0
    return total


print(loop([V(i * 0.5, 0) for i in range(10)] + [V(4, 0), V(-1, 0)]))
