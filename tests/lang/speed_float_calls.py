# Float results of module-level functions returned unboxed to float trees
# (a float-return variant), and values evaluated the generic way inside a
# tree (calls, `n // 2 + 1`): every fallback must give CPython's results,
# errors and order of effects.
import sys
import traceback

calls = []


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def half(x):
    calls.append(("half", x))
    return x * 0.5


def passthrough(x):
    return half(x)


def sometimes_int(x):
    if x < 0:
        return 0
    if x == 0:
        return "zero"
    return 1.0 / x


def looped(items):
    for it in items:
        if it > 2:
            return it * 1.5
    return -1.0


def rec(n):
    if n <= 0:
        return 0.5
    return rec(n - 1) * 2.0 + 1.0


class Vec:
    def __init__(self, v):
        self.v = v

    def __rmul__(self, other):
        calls.append(("rmul", other))
        return Vec(other * self.v)

    def __radd__(self, other):
        calls.append(("radd", other))
        return Vec(other + self.v)

    def __add__(self, other):
        calls.append(("add", other))
        return Vec(self.v + other)

    def __repr__(self):
        return "Vec(%r)" % (self.v,)


def vec_or_float(x):
    if x == 1:
        return Vec(2.0)
    return x * 2.0


# the inner loop of spectral-norm, with ints that grow into big ints
def dot(n, u, base):
    s = 0.0
    for i in range(n):
        for j in range(n):
            s += eval_a(i + base, j) * u[j]
    return s


print(dot(5, [1.0, 2.0, 3.0, 4.0, 5.0], 0))
print(dot(3, [1.0, 2, 3.5], 0))
print(dot(2, [1.0, 1.0], 2**40))
print(dot(2, [1.0, 1.0], 2**62))
print(dot(2, [1.0, 1.0], 10**30))
try:
    print(dot(2, [1.0, 1.0], 10**400))
except OverflowError as e:
    print("OverflowError:", e)
# a list item that is not a float
print(dot(2, [1.0, Vec(3.0)], 0))
print(dot(2, [1.0, "x"], 0) if False else "skip")
try:
    dot(2, [1.0, "x"], 0)
except TypeError as e:
    print("TypeError:", e)
# a negative index makes the int leaf zero: the float division raises
try:
    eval_a(-1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(eval_a(0, 0) * 2.0 + eval_a(-1, 0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# each call evaluated exactly once, in CPython's order
calls.clear()
print(half(3.0) + half(4) * 2.0, calls)
calls.clear()
print(passthrough(5.0) * 2.0 - passthrough(7), calls)
calls.clear()
print(half(Vec(1.0)) if False else half(2**60) * 1.0, calls)

# a tree whose call leaf returns an int, a str, a user object
for x in (-3, 0, 4, 2.5, 10**20):
    try:
        r = sometimes_int(x) * 2.0 + 1.0
        print(x, r, type(r).__name__)
    except TypeError as e:
        print(x, "TypeError:", e)
print(looped([1, 2, 3]) + 0.25, looped([]) + 0.25, looped([1.5, 2.5, 9.75]) * 1.0)
print(rec(10) + 0.0, rec(0) * 3.0)
for x in (1, 2, 2.5):
    calls.clear()
    r = 3.0 * vec_or_float(x) + 1.0
    print(x, r, calls)

# the list item is read before the call: a call that changes it does not
# change what the operator sees
box = [1.5]


def bump():
    box[0] = 100.0
    return Vec(1.0)


def bump_float():
    box[0] = 100.0
    return 2.0


calls.clear()
print(box[0] * bump(), calls)
box[0] = 1.5
print(box[0] * bump_float() + 0.5)


def read_then_call(b):
    return b[0] * bump() if False else b[0] * bump_float() * 1.0


box[0] = 1.5
print(read_then_call(box))

# a zero divisor stops the tree before the calls on its right
calls.clear()
for a, b in ((1.0, 2.0), (1.0, 0.0), (1, 0)):
    try:
        print(a / b + half(1.0), calls)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e, calls)
calls.clear()


# an exception inside a float call: the traceback names its frames
def deep(x):
    return 1.0 / x + 0.5


def outer(x):
    return deep(x) * 2.0


try:
    outer(0)
except ZeroDivisionError:
    tb = traceback.format_exc().splitlines()
    print([line.strip() for line in tb if line.strip().startswith("File")].__len__(), tb[-1])


# comparisons of float calls
def close(a, b):
    return abs(a - b) * 1.0


print(close(1, 3) < 2.5, eval_a(1, 1) > 0.1, half(2.0) == 1.0)


# a subclass of float is not a float on the fast way
class F(float):
    def __add__(self, other):
        return "F.add"

    def __mul__(self, other):
        return F(float(self) * 10)


def make_f(x):
    return F(x) * 1


print(make_f(2.0) + 1.0, type(make_f(2.0)).__name__)
print(1.0 + make_f(2.0))


# a float-returning function shadowed later by a global assignment from
# another function: calls go through the new object
def fdouble(x):
    return x * 2.0


def rebind():
    global fdouble
    fdouble = lambda x: "rebound"


print(fdouble(1.5) + 1.0)
rebind()
print(fdouble(1.5) + "!")
print(sys.getrecursionlimit() > 0)
