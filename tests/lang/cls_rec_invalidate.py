# Cache records of attribute reads and stores, method calls and
# constructor calls stay right when the class (or a base) changes after
# the sites have cached it: each site runs in a loop before and after.

class Base:
    def __init__(self, x):
        self.x = x
        self.y = x * 2

    def m(self):
        return "Base.m"


class Sub(Base):
    pass


def read_x(o):
    return o.x


def write_y(o, v):
    o.y = v
    return o.y


def call_m(o):
    return o.m()


def make(cls, v):
    return cls(v)


def rounds(label, objs):
    out = []
    for o in objs:
        for _ in range(3):
            out.append((read_x(o), write_y(o, 7), call_m(o)))
    print(label, out[0], out[-1])


a, s = Base(1), Sub(2)
rounds("start", [a, s])

# a data descriptor on the class takes priority over the instance's slot
Base.x = property(lambda self: "prop-x")
rounds("property on base", [a, s])
del Base.x
rounds("property removed", [a, s])

# a method replaced on the base: both classes' method sites follow
Base.m = lambda self: "new Base.m"
rounds("method replaced", [a, s])
Sub.m = lambda self: "Sub.m"
rounds("method on sub", [a, s])

# __setattr__ added: stores go through it
def logging_setattr(self, name, value):
    object.__setattr__(self, name, ("logged", value))

Base.__setattr__ = logging_setattr
rounds("setattr added", [a, s])
del Base.__setattr__
rounds("setattr removed", [a, s])

# __getattribute__ added to the subclass only
def upper_getattribute(self, name):
    v = object.__getattribute__(self, name)
    return v.upper() if isinstance(v, str) else v

Sub.__getattribute__ = upper_getattribute
Sub.m = lambda self: "sub-m"
rounds("getattribute on sub", [a, s])
del Sub.__getattribute__

# constructor sites
objs = [make(Base, i) for i in range(3)]
print("made", [o.x for o in objs])
def init2(self, x):
    self.x = -x
Base.__init__ = init2
objs = [make(Base, i) for i in range(3)] + [make(Sub, 5)]
print("made after __init__ replaced", [o.x for o in objs])
Base.__new__ = lambda cls, x: "from __new__"
print("made after __new__", [make(Base, i) for i in range(2)], make(Sub, 1))
Base.__new__ = lambda cls, x: object.__new__(cls)
print("made after __new__ made plain", [make(Base, i).x for i in range(2)])

# a slot member shadowing: class with __slots__, member replaced by a property
class P:
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v

def read_v(o):
    return o.v

ps = [P(i) for i in range(3)]
print("slots", [read_v(p) for p in ps for _ in range(2)])
member = P.v
P.v = property(lambda self: "shadowed")
print("slots shadowed", [read_v(p) for p in ps])
P.v = member
print("slots back", [read_v(p) for p in ps])

# many classes through one site, with one changing in the middle
classes = [type("K%d" % i, (), {"k": i}) for i in range(6)]
insts = []
for c in classes:
    o = c()
    o.k = c.__name__
    insts.append(o)
def read_k(o):
    return o.k
print([read_k(o) for o in insts for _ in range(2)])
classes[2].k = property(lambda self: "prop")
print([read_k(o) for o in insts])
