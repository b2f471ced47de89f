# int(x) of a float expression converts the double inline when it fits a
# small int; everything else must be CPython's int().
import math

SCALE = 3.5
big = 1e30


def grid(xs, size, lo, hi):
    out = []
    for x in xs:
        out.append(int((x - lo) / (hi - lo) * size))
    return out


print(grid([0.0, 0.49, 0.5, 0.99, -0.3, 2.7], 10, 0.0, 1.0))
print(grid([1, 2, 3], 7, 0, 4))


def edges():
    for v in [0.5, -0.5, -1.9999, 2.0 ** 61, -(2.0 ** 61), 2.0 ** 62, -(2.0 ** 62), 2.0 ** 63, 1e19, -1e19]:
        print(repr(v), int(v * 1.0), type(int(v * 1.0)).__name__)
    for v in [float('inf'), float('-inf'), float('nan')]:
        try:
            print(int(v * 2.0))
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)


edges()


def with_globals(a):
    # globals inside the tree: read once, in order
    return int(a * SCALE + big / 1e29)


print(with_globals(2.0), with_globals(3))
SCALE = 0.5
print(with_globals(2.0))


def with_cell(n, size):
    xs = [i / n for i in range(n)]
    f = lambda: size * 2
    return [int(x * size) for x in xs], f()


print(with_cell(4, 10))


def name_error(a):
    return int(a * undefined_name)


try:
    name_error(1.0)
except NameError as e:
    print('NameError', e)


class Num:
    def __init__(self, v):
        self.v = v

    def __mul__(self, o):
        return Num(self.v * o)

    def __int__(self):
        return 42

    def __trunc__(self):
        return 43


def user(a):
    return int(a * 2.0)


print(user(1.25), user(Num(1.0)))


class F(float):
    pass


def sub(a):
    return int(a / 2.0)


print(sub(F(9.0)), sub(True), sub(10 ** 20))
print(int(math.floor(2.5) * 1.5), int(math.sqrt(10.0) * 100))
