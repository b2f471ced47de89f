# `**` with a constant exponent inside float trees: libm's pow where
# CPython calls it, CPython's own answers (complex results, errors, ints)
# everywhere else.


def p15(x):
    return 2.0 * (x * x) ** (-1.5) + 0.0


def p2(x):
    return x ** 2 * 1.0 + x ** 3


def half(x):
    return (x + 0.0) ** 0.5 * 1.0


def zero(x):
    return x ** 0 + 0.5


def powi(x):
    return x ** 2 + 1           # an int stays an int for int x? no: not a tree of G


cases = [2.0, 0.5, -3.0, 1.0, -1.0, 3, -2, 10**20, 2**60 + 1, True, 1e200, -1e200, 1e-200,
         float("inf"), float("-inf"), float("nan"), 0.0, -0.0, 0]
for x in cases:
    row = [repr(x)]
    for f in (p15, p2, half, zero, powi):
        try:
            r = f(x)
            row.append("%s:%r" % (type(r).__name__, r))
        except (ZeroDivisionError, OverflowError, TypeError, ValueError) as e:
            row.append("%s(%s)" % (type(e).__name__, e))
    print(" ".join(row))

for bad in ("s", [1.0], None):
    try:
        print(zero(bad))
    except TypeError as e:
        print("TypeError:", e)


class P(float):
    def __pow__(self, other):
        return "P.pow"


class Q:
    def __pow__(self, other):
        return 4.0

    def __rmul__(self, other):
        return "Q.rmul"


print(half(P(4.0)))
try:
    print(zero(P(2.0)))
except TypeError as e:
    print("TypeError:", e)
try:
    print(p2(Q()))
except TypeError as e:
    print("TypeError:", e)


# nbody's kernel: locals used as floats by a tree with evidence are kept
# unboxed even when their own assignment has none
def kernel(a, b, dt):
    dx = a[0] - b[0]
    dy = a[1] - b[1]
    dz = a[2] - b[2]
    mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
    m = dx * mag
    return dx, dy, dz, mag, m


print(kernel([1.0, 2.0, 3.0], [0.5, 0.25, 0.125], 0.01))
print(kernel([1, 2, 3], [0, 0, 0], 0.01))
try:
    print(kernel([1, 2, 3], [1, 2, 3], 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(kernel([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 0.01))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(kernel([1.0, "x", 3.0], [1.0, "y", 3.0], 0.01) if False else "skip")
try:
    kernel([1.0, "x", 3.0], [1.0, "y", 3.0], 0.01)
except TypeError as e:
    print("TypeError:", e)
print(kernel([2**70, 0, 0], [0, 0, 0], 1.0))
