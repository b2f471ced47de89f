# Float attributes kept unboxed in an instance's inline slots (float slots
# of a shape, runtime/objects/shape.c) must read back as equal floats
# through every path: compiled attribute caches (warm and cold), float
# trees, comparisons, __dict__/vars(), copies, getattr; and a store of
# anything else must turn the slot generic without losing the value.
# Loops warm the caches before the kind of an attribute changes.
import copy
import math


class V:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def norm(self):
        return math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)

    def scale(self, k):
        self.x *= k
        self.y = self.y * k + 0.0
        self.z /= 1.0 / k

    def bigger(self, o):
        return self.x > o.x

    def __repr__(self):
        return "V(%r, %r, %r)" % (self.x, self.y, self.z)


def read_x(o):
    return o.x


def write_x(o, v):
    o.x = v


def local_from_attr(o):
    a = o.x
    b = o.y
    return a * a + b * b + 0.5


# warm caches, then read back special values
vs = [V(float(i), i * 0.5, -i / 3.0) for i in range(50)]
for v in vs:
    v.scale(2.0)
print(vs[3], vs[49], sum(v.norm() for v in vs))
print(sum(local_from_attr(v) for v in vs))
specials = [-0.0, 0.0, float("inf"), float("-inf"), float("nan"), 1e308, 5e-324, 0.1]
for s in specials:
    v = V(s, s, s)
    print(repr(read_x(v)), repr(v.y), math.copysign(1.0, v.z), v.x == s or s != s, v.bigger(V(0.0, 0, 0)))
w = V(-0.0, 2.0, 3.0)
w.x *= 1.0
print(repr(w.x), str(w.x), math.copysign(1.0, w.x))
n = V(float("nan"), 1.0, 1.0)
print(n.x == n.x, n.x != n.x, n.x > 0.0, n.x < 0.0, n.bigger(w), w.bigger(n))

# identity of a value read once, equality of values read twice
a = vs[5].x
print(a is a, a == vs[5].x, type(vs[5].x).__name__, vs[5].x is not None)
f = 2.5
vs[5].x = f
print(vs[5].x == f, vs[5].x is vs[5].x or True)

# kind changes in place: float -> int -> str -> None -> float, caches warm
o = V(1.5, 2.5, 3.5)
for val in [4.5, 7, 2 ** 70, "s", None, [1.0], 8.25, True, 9.75, -0.0]:
    for _ in range(3):
        write_x(o, val)
    print(repr(read_x(o)), type(o.x).__name__, list(vars(o).items()))
print(o.norm() if isinstance(o.x, float) else None, o)

# int attributes compared and combined in trees stay ints' results
p = V(3, 4, 12)
print(p.norm(), p.bigger(V(2, 0, 0)), p.bigger(V(3.0, 0, 0)), local_from_attr(p))
big = V(2 ** 60, 1, 1)
print(big.bigger(V(2 ** 60 - 1, 0, 0)), big.bigger(V(float(2 ** 60), 0, 0)))

# __dict__ and vars(): order, values, updates through both views
d = V(1.25, -2.5, 0.0)
dd = d.__dict__
print(dd, list(dd), vars(d) is dd)
dd["x"] = 10.5
d.y = 3.75
d.w = 1.0
print(d.x, dd["y"], dd, d)
del d.w
print(vars(d))

# attributes added in other orders, more than the inline slots, deleted
e = V(0.5, 1.5, 2.5)
for i in range(10):
    setattr(e, "a%d" % i, i + 0.5)
print(vars(e))
g = V(0.5, 1.5, 2.5)
del g.y
g.y = 7.5
print(vars(g), g.norm())

# getattr / hasattr / copies
c1 = copy.copy(vs[7])
c2 = copy.deepcopy(vs[7])
c1.x += 1.0
print(vs[7], c1, c2, getattr(c2, "z"), hasattr(c2, "q"))
print(c2.__dict__ == vs[7].__dict__, sorted(c2.__dict__.items()))


# subclasses, properties, __setattr__, __slots__
class W(V):
    def __init__(self, x):
        super().__init__(x, x * 2, x * 3)
        self.t = x / 4


class Logged(V):
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v + 1 if isinstance(v, float) else v)


class Prop(V):
    @property
    def x(self):
        return self.__dict__.get("_x", 0.0) * 10

    @x.setter
    def x(self, v):
        self.__dict__["_x"] = v


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


for i in range(3):
    ws = W(1.5 + i)
    ws.scale(2.0)
    lg = Logged(0.5, 1.5, 2.5)
    lg.scale(2.0)
    pr = Prop(1.0, 2.0, 3.0)
    pr.scale(2.0)
    sl = Slotted(1.5, 2.5)
    sl.x *= 3.0
    sl.y = sl.x * sl.y + 1.0
print(ws, ws.t, vars(ws))
print(lg, vars(lg))
print(pr.x, vars(pr))
print(sl.x, sl.y)

# __class__ assignment keeps the values
class V2(V):
    pass


h = V(1.5, 2.5, 3.5)
h.__class__ = V2
print(type(h).__name__, h, h.norm())

# many instances, float updates in old objects (collector paths)
pts = [V(i * 0.25, -i * 0.5, 1.0) for i in range(2000)]
for r in range(3):
    for q in pts:
        q.x += 1.0
        q.y = q.y * 0.5 + q.x
        q.z /= 2.0
print(pts[0], pts[-1], sum(q.x + q.y + q.z for q in pts))


# comparisons as values: bools from floats, whatever an operator returns
class Odd:
    def __init__(self, v):
        self.x = v

    def __gt__(self, o):
        return "gt?"


def gt(a, b):
    return a.x > b.x


for pair in [(V(1.0, 0, 0), V(0.5, 0, 0)), (V(1, 0, 0), V(2.0, 0, 0)), (V(float("nan"), 0, 0), V(1.0, 0, 0)),
             (Odd(Odd(1)), Odd(Odd(2))), (V("b", 0, 0), V("a", 0, 0)), (V(2 ** 80, 0, 0), V(1e30, 0, 0))]:
    print(gt(*pair), gt(pair[1], pair[0]))
try:
    gt(V(1.0, 0, 0), V("a", 0, 0))
except TypeError as exc:
    print("TypeError:", exc)


# a float local read from an attribute: an int or a str stays what it is
def copy_out(o):
    a = o.x
    o.y = o.y * 0.5 + a
    return a


for val in [1.5, 3, "s", 2 ** 70, -0.0]:
    o = V(val, 1.0, 0.0)
    try:
        print(repr(copy_out(o)), repr(o.y))
    except TypeError as exc:
        print("TypeError:", exc)


# o.x = a if c else b, o.x = p.x: copies between float slots, generic
# slots (a __slots__ class, a slot turned generic) and other kinds
class M:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def maxto(o, a, b):
    o.x = a.x if a.x > b.x else b.x
    o.y = a.y


for a, b in [(V(1.5, 2.5, 0), V(0.5, -1.0, 0)), (M(1.5, 2.5), M(3.5, 4.5)), (V(1, 2, 0), V(0.5, 1, 0)),
             (V("a", "b", 0), V("c", [1], 0)), (M(float("nan"), -0.0), V(1.0, 2.0, 0))]:
    for o in [V(0.0, 0.0, 0.0), M(0.0, 0.0), V(1, 1, 1)]:
        maxto(o, a, b)
        print(type(o).__name__, repr(o.x), repr(o.y), o.y is a.y or isinstance(a, V))


# a class whose first instances hold ints, then floats (and the other
# way round): new instances settle on generic slots; values stay exact
class Q:
    def __init__(self, v):
        self.v = v
        self.w = v * 2


class QQ(Q):
    pass


for first in [0, 0.5]:
    out = []
    for i in range(6):
        cls = Q if i % 3 else QQ
        v = first if i == 0 else (i if i % 2 else i + 0.25)
        q = cls(v)
        q.v += 0.5 if i % 2 else 1
        out.append((type(q).__name__, q.v, q.w, type(q.v).__name__))
    print(out)
