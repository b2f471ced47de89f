# Instance attributes kept inline by shape (runtime/objects/shape.c) must
# behave exactly like an instance dict: order, deletion, __dict__ reads and
# writes through both views, vars(), __dict__ replacement, descriptors and
# __setattr__ added after sites cached, subclasses, copies, dataclasses,
# __slots__, exceptions. Each access pattern runs in a loop so that the
# attribute caches are warm when the class or the instance changes.
import copy
import dataclasses


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


def get_a(o):
    return o.a


def set_a(o, v):
    o.a = v


# different insertion orders on instances of one class
ps = []
for i in range(6):
    p = P(i, i * 10)
    if i % 2:
        p.z = i
        p.y = -i
    else:
        p.y = -i
        p.z = i
    ps.append(p)
for p in ps:
    print(get_a(p), p.b, p.y, p.z, list(vars(p)), p.total())


# more attributes than inline slots
class Many:
    pass


m = Many()
for i in range(20):
    setattr(m, "f%d" % i, i)
    m.last = i
print(list(m.__dict__)[:5], len(vars(m)), m.f19, m.last)
for i in range(3):
    m2 = Many()
    for name in ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"):
        setattr(m2, name, name.upper())
    print(m2.a, m2.k, list(vars(m2)))

# del then re-add: the attribute moves to the end
for i in range(3):
    p = P(1, 2)
    p.c = 3
    del p.a
    print(vars(p), hasattr(p, "a"))
    try:
        get_a(p)
    except AttributeError as e:
        print("AttributeError:", e)
    p.a = 9
    print(vars(p), get_a(p))
    try:
        del p.nothere
    except AttributeError as e:
        print("AttributeError:", e)

# __dict__ read, then writes through both views
for i in range(3):
    p = P(i, 2)
    d = p.__dict__
    d["a"] = 100 + i
    print(get_a(p), p.total())
    set_a(p, 7)
    print(d["a"], d)
    d["new"] = "n"
    print(p.new, vars(p) is d)
    p.other = 1
    print(d)

# vars() order after a mix of stores
for i in range(2):
    p = P(0, 0)
    p.x = 1
    p.b = 5
    p.w = 2
    print(vars(p))

# __dict__ assignment
for i in range(3):
    p = P(1, 2)
    get_a(p)
    p.__dict__ = {"b": 20, "a": 10, "q": 1}
    print(get_a(p), p.total(), vars(p))
    set_a(p, 11)
    print(p.__dict__)
try:
    P(1, 2).__dict__ = [1]
except TypeError as e:
    print("TypeError:", e)


# a property / descriptor added to the class after sites cached
class Q:
    def __init__(self):
        self.v = 1


qs = [Q() for _ in range(3)]


def get_v(o):
    return o.v


def put_v(o, x):
    o.v = x


for q in qs:
    print(get_v(q))
    put_v(q, 2)
Q.v = property(lambda self: "prop", lambda self, x: print("setter", x))
for q in qs:
    print(get_v(q))
    put_v(q, 3)
    print(q.__dict__)
del Q.v
for q in qs:
    print(get_v(q))


class Desc:
    def __get__(self, obj, tp):
        return "desc"

    def __set__(self, obj, v):
        print("Desc.__set__", v)


Q.v = Desc()
print(get_v(qs[0]))
put_v(qs[0], 4)
del Q.v
print(get_v(qs[0]))


# __setattr__ / __getattr__ / __getattribute__ defined in a subclass later
class Base:
    def __init__(self):
        self.k = "k"


class Sub(Base):
    pass


objs = [Sub() for _ in range(3)]


def get_k(o):
    return o.k


def put_k(o, v):
    o.k = v


for o in objs:
    put_k(o, "k2")
    print(get_k(o))


def sa(self, name, v):
    print("__setattr__", name, v)
    object.__setattr__(self, name, v + "!")


Sub.__setattr__ = sa
for o in objs:
    put_k(o, "k3")
    print(get_k(o))
Sub.__getattribute__ = lambda self, name: "ga:" + name
print(get_k(objs[0]), objs[0].anything)
del Sub.__getattribute__
del Sub.__setattr__
Sub.__getattr__ = lambda self, name: "missing:" + name
print(get_k(objs[1]), objs[1].nope)


# subclasses adding attributes, shapes shared across classes
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def norm1(p):
    return abs(p.x) + abs(p.y)


pts = [Point(1, 2), Point3(3, 4, 5), Point(-1, -2), Point3(0, 1, 2)]
for p in pts * 2:
    print(type(p).__name__, norm1(p), vars(p))
p = Point(1, 2)
p.__class__ = Point3
p.z = 9
print(type(p).__name__, vars(p))

# copy / deepcopy
for i in range(2):
    p = Point3(1, [2], 3)
    c = copy.copy(p)
    dc = copy.deepcopy(p)
    c.x = 10
    dc.y.append(4)
    print(vars(p), vars(c), vars(dc), c.y is p.y, dc.y is p.y)


# dataclasses
@dataclasses.dataclass
class DC:
    a: int
    b: str = "b"
    c: list = dataclasses.field(default_factory=list)


for i in range(3):
    d = DC(i)
    d.c.append(i)
    print(d, dataclasses.asdict(d), d == DC(i, "b", [i]))


@dataclasses.dataclass(frozen=True)
class Frozen:
    a: int


f = Frozen(1)
try:
    f.a = 2
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(f, hash(f) == hash(Frozen(1)))


# __slots__ classes, with and without a __dict__
class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


class SD:
    __slots__ = ("a", "__dict__")


for i in range(3):
    s = S()
    print(s.a, hasattr(s, "b"))
    try:
        s.c = 1
    except AttributeError as e:
        print("AttributeError:", e)
    sd = SD()
    sd.a = 1
    sd.x = 2
    sd.y = 3
    print(sd.a, sd.x, vars(sd))


# exceptions with attributes
class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


for i in range(3):
    try:
        raise MyErr(i)
    except MyErr as e:
        e.extra = i * 2
        print(e, e.code, e.extra, e.args, vars(e))


# attribute names that are not plain constants
class N:
    pass


n = N()
key = "".join(["dyn", "amic"])
setattr(n, key, 1)
n.after = 2
print(vars(n), n.dynamic, getattr(n, "dyn" + "amic"))


class StrSub(str):
    pass


setattr(n, StrSub("sub"), 3)
print(vars(n), n.sub)
n.__dict__[5] = "int key"
print(vars(n))

# repr and equality default to identity; dir lists instance attributes
p = Point(1, 2)
print([x for x in dir(p) if not x.startswith("__")])
print(p == p, p == Point(1, 2))


# one site, instances of subclasses of list and dict (their attributes are
# in dict mode; the words of the builtin layout must never be taken for a
# shape) next to plain instances
class L(list):
    pass


class D(dict):
    pass


def get_tag(o):
    return o.tag


def put_tag(o, v):
    o.tag = v


for n in range(5):
    for o in (L(range(n)), D.fromkeys(range(n)), Point(n, n)):
        put_tag(o, n)
        put_tag(o, get_tag(o) + 1)
        print(type(o).__name__, get_tag(o), len(o) if not isinstance(o, Point) else vars(o))
