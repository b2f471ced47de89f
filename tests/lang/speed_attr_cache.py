# Attribute inline caches and direct method calls must not change what an
# attribute access means: every site below runs many times, first with a
# plain layout (so its cache fills), then after the class or the instance
# changed under it.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self


def total(ps):
    t = 0
    for p in ps:
        t += p.x * 10 + p.y + p.norm1()
    return t


ps = [P(i, -i) for i in range(50)]
print(total(ps))

# A property added to the class after the caches filled takes priority.
P.x = property(lambda self: 1000)
print(total(ps))
del P.x
print(total(ps))

# A method monkey-patched on the class, then on one instance.
P.norm1 = lambda self: -1
print(total(ps))
ps[3].norm1 = lambda: 777
print(total(ps), ps[3].norm1())
del ps[3].norm1
print(total(ps))

# Deleting and re-adding an attribute changes its position in the dict.
q = P(1, 2)
for i in range(3):
    print(q.x, q.y, list(q.__dict__))
    del q.x
    q.x = 10 + i

# Instances whose dicts have different orders share the sites.
a = P(1, 2)
b = P(3, 4)
del b.x
b.x = 30
for o in [a, b, a, b]:
    print(o.x, o.y, list(vars(o)))

# __getattr__ is used only for missing names; __getattribute__ always.
class G:
    def __init__(self):
        self.a = 1

    def __getattr__(self, name):
        return "missing:" + name


g = G()
for i in range(3):
    print(g.a, g.b)
g.b = 2
print(g.a, g.b)


class GA(P):
    def __getattribute__(self, name):
        if name == "x":
            return -5
        return object.__getattribute__(self, name)


ga = GA(1, 2)
for i in range(2):
    print(ga.x, ga.y, total([ga]))

# __setattr__ added to a class after its instances' caches filled.
def setx(p, v):
    p.x = v


r = P(0, 0)
for i in range(3):
    setx(r, i)
print(r.x)


def logging_setattr(self, name, value):
    print("set", name, value)
    object.__setattr__(self, name, value)


P.__setattr__ = logging_setattr
setx(r, 99)
print(r.x)
del P.__setattr__
setx(r, 5)
print(r.x)

# __slots__ members and data descriptors.
class S:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1
        self.y = 2


s = S()
for i in range(3):
    s.x += 1
    print(s.x, s.y)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)


class Desc:
    def __get__(self, obj, tp):
        return "desc"

    def __set__(self, obj, v):
        print("desc set", v)


class D:
    def __init__(self):
        self.__dict__["v"] = "in dict"


d = D()
for i in range(2):
    print(d.v)
D.v = Desc()
print(d.v)
d.v = 5
print(d.__dict__)

# A class-level default shadowed by the instance's value.
class K:
    count = 0

    def bump(self):
        self.count += 1
        return self.count


k = K()
print([k.bump() for i in range(4)], K.count)
K.count = 100
print(K().bump(), k.bump())

# Replacing __dict__ of an instance.
z = P(1, 2)
for i in range(2):
    print(z.x)
z.__dict__ = {"y": 5, "x": 7}
print(z.x, z.y)

# Direct method calls: subclasses overriding, arity mismatch, defaults,
# keyword arguments, a method replaced by a staticmethod.
class Base:
    def f(self, a, b=10):
        return ("Base", a, b)


class Sub(Base):
    def f(self, a, b=20):
        return ("Sub", a, b)


class Sub2(Base):
    pass


objs = [Base(), Sub(), Sub2(), Sub(), Base()]
for o in objs:
    print(o.f(1), o.f(1, 2), o.f(a=3))
Sub2.f = staticmethod(lambda a, b=0: ("static", a, b))
for o in objs:
    print(o.f(1), o.f(1, 2))
try:
    objs[0].f(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

# Constructors call a plain __init__'s body directly; everything else
# (defaults, keywords, __new__, a bad return value) as before.
class I:
    def __init__(self, a, b=2):
        self.a = a
        self.b = b


class J(I):
    pass


class Bad:
    def __init__(self):
        return 5


class N:
    def __new__(cls, *args):
        print("new", args)
        return super().__new__(cls)

    def __init__(self, x):
        self.x = x


for i in range(3):
    print(vars(I(1)), vars(I(1, 3)), vars(I(b=4, a=5)), vars(J(6, 7)), vars(N(i)))
try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
try:
    I()
except TypeError as e:
    print("TypeError:", e)
try:
    I(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
I.__init__ = lambda self, a, b=0: setattr(self, "patched", a)
print(vars(I(9, 9)))
