# Method calls when classes and instances change under the call sites.


class A:
    def f(self):
        return "A.f"


class B(A):
    pass


class C(B):
    def g(self):
        return "C.g"


def call_all(objs):
    return [o.f() for o in objs]


objs = [A(), B(), C()]
print(call_all(objs))
B.f = lambda self: "B.f"
print(call_all(objs))
A.f = lambda self: "A.f2"
print(call_all(objs))
del B.f
print(call_all(objs))
objs[2].f = lambda: "instance f"
print(call_all(objs))
del objs[2].f
print(call_all(objs))
C.f = staticmethod(lambda: "static f")
print(call_all(objs))
C.f = classmethod(lambda cls: "classmethod f of " + cls.__name__)
print(call_all(objs))
C.f = property(lambda self: lambda: "property f")
print(call_all(objs))
C.f = 5
try:
    call_all(objs)
except TypeError as e:
    print("TypeError:", e)
del C.f


class Counter:
    n = 0

    def tick(self):
        Counter.n += 1
        return Counter.n


c = Counter()
for _ in range(5):
    c.tick()
print(Counter.n, c.n)


class Shadow:
    def m(self):
        return "method"


s = Shadow()
results = []
for i in range(4):
    if i == 2:
        s.m = lambda: "shadowed"
    results.append(s.m())
print(results)
t = Shadow()
print(t.m())
t.__dict__["m"] = lambda: "via __dict__"
print(t.m())


class Poly:
    def area(self):
        return 0


class Sq(Poly):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Ci(Poly):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r


shapes = [Sq(2), Ci(1), Poly(), Sq(3)] * 3
print(sum(sh.area() for sh in shapes))
print([sh.area() for sh in shapes[:4]])

calls = []


class Late:
    pass


def use(o):
    try:
        return o.hello()
    except AttributeError as e:
        return "AttributeError: " + str(e)


o = Late()
print(use(o))
Late.hello = lambda self: "hello now"
print(use(o))
o.hello = lambda: "instance hello"
print(use(o))
del Late.hello
print(use(o))
del o.hello
print(use(o))


class Base:
    def __str__(self):
        return "Base str"


class Derived(Base):
    pass


d = Derived()
print(str(d))
Derived.__str__ = lambda self: "Derived str"
print(str(d))
Base.__str__ = lambda self: "Base str 2"
print(str(d), str(Base()))
del Derived.__str__
print(str(d))
Base.__len__ = lambda self: 3
print(len(d), bool(d))
Base.__bool__ = lambda self: False
print(bool(d))
Derived.__eq__ = lambda self, other: True
print(d == 1, d != 1)
