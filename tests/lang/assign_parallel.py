# `a, b = x, y`: every value is evaluated before any target is stored,
# targets are stored left to right, and a failure while evaluating stores
# nothing (compiler/emit_stmt.c, emit_parallel_assign).


def trace(tag, v):
    print("eval", tag)
    return v


class Box:
    def __init__(self):
        self.items = {}

    def __setitem__(self, k, v):
        print("set", k, v)
        self.items[k] = v

    def __setattr__(self, k, v):
        print("setattr", k, v)
        object.__setattr__(self, k, v)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def swap_local():
    x, y = "x", "y"
    x, y = y, x
    [x, y] = [y, x]
    return x, y


def order():
    box = Box()
    box[trace("k1", 1)], box.attr = trace("v1", "one"), trace("v2", "two")
    return box.items, box.attr


def fails():
    p, q = 1, 2
    try:
        p, q = trace("first", 10), 1 // 0
    except ZeroDivisionError:
        pass
    return p, q


def nested():
    (a, b), c = (trace("a", 1), 2), [3]
    return a, b, c


def same_name():
    i, i = 1, 2
    return i


def rotate(xs):
    xs[0], xs[1], xs[2] = xs[1], xs[2], xs[0]
    return xs


g1, g2 = "g1", "g2"
g1, g2 = g2, g1
print(g1, g2)
print(fib(30))
print(swap_local())
print(order())
print(fails())
print(nested())
print(same_name())
print(rotate([1, 2, 3]))
try:
    a, b = 1, undefined_name
except NameError as e:
    print("NameError", e)
print("a" in globals())
