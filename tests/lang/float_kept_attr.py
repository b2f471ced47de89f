# A float expression with a global among its leaves keeps each attribute
# leaf's value (the generic way, if taken, must not read it again): the
# attribute is read through the site's cache — float slots, plain slots,
# properties, missing attributes, and a call in the tree that changes it.

SCALE = 2.5


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Prop:
    def __init__(self):
        self.y = 1.0

    @property
    def x(self):
        print("getter runs")
        return 4.0


class Changer:
    def __init__(self, p):
        self.p = p

    def __float__(self):
        self.p.x = 1000.0
        return 1.0


def f(p):
    return (p.x - 1.0) * SCALE + p.y


def g(p, c):
    # the call changes p.x after it was read: CPython uses the old value
    return p.x * SCALE + float(c) + p.x


objs = [P(1.5, 2.0), P(3, 4), P(2**70, 1.0), P(1.5, "s"), Prop(), P(0.5, 0.25)]
for o in objs:
    for _ in range(3):
        try:
            r = f(o)
        except TypeError as ex:
            r = "TypeError: %s" % ex
    print(type(o).__name__, r)

try:
    f(object())
except AttributeError as ex:
    print("AttributeError:", ex)

p = P(2.0, 0.0)
print(g(p, Changer(p)), p.x)
p = P(2.0, 0.0)
for _ in range(3):
    p.x = 2.0
    r = g(p, Changer(p))
print(r, p.x)
SCALE = 3
print(f(P(1.0, 1.0)), f(P(2, 1)))
