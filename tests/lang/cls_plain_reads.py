# One attribute-read site meets the instances of many classes that share a
# shape; some of the classes then stop being "plain" (a data descriptor,
# __getattribute__, a descriptor whose class gains __set__ later) and
# every read must still give what CPython gives.

class Base:
    def __init__(self, v):
        self.v = v
        self.w = v + 100

    def get_v(self):
        return self.v

    def get_w(self):
        return self.w


class A(Base):
    pass


class B(Base):
    tag = "b"          # a plain class attribute: B stays plain


class C(Base):
    def helper(self):  # a method: C stays plain
        return 1


class D(A):
    pass


objs = [Base(0), A(1), B(2), C(3), D(4)]


def sweep(label):
    vs = []
    for _ in range(3):
        vs = [o.get_v() for o in objs]
        ws = [o.get_w() for o in objs]
    print(label, vs, ws)


sweep("start")

A.v = property(lambda self: "A.prop")       # A and D now read through it
sweep("property on A")

del A.v
sweep("property removed")

C.__getattribute__ = lambda self, name: ("C:" + name) if name in ("v", "w") else object.__getattribute__(self, name)
sweep("getattribute on C")
del C.__getattribute__
sweep("getattribute removed")


class Desc:
    def __get__(self, obj, typ=None):
        return "Desc.get"


B.v = Desc()          # a non-data descriptor: the instance value wins
sweep("non-data descriptor on B")
Desc.__set__ = lambda self, obj, value: None   # now a data descriptor
sweep("descriptor gained __set__")
del Desc.__set__
sweep("descriptor lost __set__")
del B.v
sweep("descriptor removed")


# a class made plain and not-plain over and over at one site
class E(Base):
    pass


objs.append(E(5))
for i in range(4):
    if i % 2:
        E.w = property(lambda self: "E.w")
    else:
        try:
            del E.w
        except AttributeError:
            pass
    sweep("E round %d" % i)


# instances whose shapes differ: the site sees several shapes and classes
class F(Base):
    def __init__(self, v):
        self.extra = "first"
        super().__init__(v)


objs.append(F(6))
sweep("another shape")
print(vars(objs[-1]))
