# The class machinery together: __init_subclass__ with keywords, __set_name__,
# __class_getitem__, __getattribute__, __slots__, class decorators,
# type(name, bases, ns), __prepare__, abc.ABC and abstractmethod (3.11 wording).
import abc
from abc import ABC, abstractmethod

class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.registry[cls.plugin_name] = cls

class Alpha(Plugin, name="alpha", priority=2):
    pass
class Beta(Plugin):
    pass
class Gamma(Alpha, priority=9):
    pass
print(sorted(Plugin.registry), Alpha.priority, Beta.plugin_name, Gamma.plugin_name, Gamma.priority)
try:
    class Bad(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(object, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)

class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
    def __repr__(self):
        return f"Field({self.owner}.{self.name})"
class Model:
    x = Field()
    y = Field()
m = Model()
m.x = 3
print(m.x, m.y, Model.x, Model.__dict__["y"], vars(m))
F = Field()
class Late:
    pass
Late.z = F
print(hasattr(F, "name"))
F.__set_name__(Late, "z")
print(F)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int], Box["x"], Box[int, str])
class Sub(Box):
    pass
print(Sub[float])

class Traced:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"no access to {name}")
        v = object.__getattribute__(self, name)
        return v * 10 if name == "a" else v
    def __getattr__(self, name):
        return f"default:{name}"
    def meth(self):
        return "m"
t = Traced()
print(t.a, t.meth(), t.missing, t.secret_x, getattr(t, "b", 5), hasattr(t, "secret"))

class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
s = Slotted(1)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(s.y)
except AttributeError as e:
    print("AttributeError:", e)
print(s.x, Slotted.__slots__, hasattr(s, "__dict__"), type(Slotted.x).__name__)
class SlotChild(Slotted):
    __slots__ = ("z",)
sc = SlotChild(5)
sc.z = 6
print(sc.x, sc.z, hasattr(sc, "__dict__"))
class SlotDict(Slotted):
    pass
sd = SlotDict(7)
sd.w = 8
print(sd.w, sd.__dict__)

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def register(tag):
    def deco(cls):
        cls.tag = tag
        return cls
    return deco
@register("T")
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2), Point.tag)

def meth(self):
    return self.v * 2
D = type("D", (object,), {"v": 21, "meth": meth, "__repr__": lambda self: "<D>"})
d = D()
print(d.meth(), d, D.__name__, D.__mro__, type(d) is D)
E = type("E", (D,), {})
print(E().meth(), E.__bases__, isinstance(E(), D))
print(type(5), type("E2", (), {})().__class__.__name__)

class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        ns["order"] = [k for k in ns if not k.startswith("__")]
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=OrderedMeta, flag=True):
    b = 1
    a = 2
print(WithMeta.order, WithMeta.injected)

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f"{type(self).__name__} area={self.area()}"
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def perimeter(self):
        return 4 * self.s
class Half(Shape):
    def area(self):
        return 1
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
print(Square(3).describe(), isinstance(Square(2), Shape), sorted(Shape.__abstractmethods__), Half.__abstractmethods__)
class Base2(metaclass=abc.ABCMeta):
    @property
    @abstractmethod
    def name(self):
        pass
    @classmethod
    @abstractmethod
    def make(cls):
        pass
    @staticmethod
    @abstractmethod
    def util():
        pass
try:
    Base2()
except TypeError as e:
    print("TypeError:", e)
class Impl(Base2):
    name = "impl"
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def util():
        return 1
print(Impl.make().name, Impl.util())
class Sized2(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented
print(isinstance([], Sized2), isinstance(3, Sized2), issubclass(dict, Sized2))
class Reg(ABC):
    pass
Reg.register(int)
print(isinstance(3, Reg), issubclass(bool, Reg), issubclass(str, Reg))
class A0:
    pass
for f in (lambda: A0.__init_subclass__(x=1), lambda: object.__init_subclass__(x=1), lambda: A0.__init_subclass__(1)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
class Field:
    def __set_name__(self, owner, name):
        raise ValueError("boom " + name)
try:
    class M:
        f = Field()
except Exception as e:
    print(type(e).__name__, e, repr(e.__cause__))
try:
    class S:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError:", e)
class SD:
    __slots__ = ("x", "__dict__")
sd = SD()
sd.x = 1
sd.y = 2
print(sd.x, sd.__dict__)
class P:
    __slots__ = "name"
p = P()
p.name = "n"
print(p.name, P.__slots__)
try:
    del p.name
    print(p.name)
except AttributeError as e:
    print("AttributeError:", e)
class G:
    def __getattribute__(self, n):
        print("get", n)
        return super().__getattribute__(n)
    @property
    def prop(self):
        return 5
g = G()
g.v = 1
print(g.v, g.prop)
print(len.__name__ if hasattr(g, "zz") else "no zz")
class Outer:
    class Inner:
        class Deep:
            pass
        def m(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.Deep.__qualname__, Outer.Inner.m.__qualname__, Outer.Inner.Deep.__module__, repr(Outer.Inner.Deep))
def singleton(cls):
    inst = cls()
    return inst
@singleton
class Config:
    debug = True
print(Config.debug, type(Config).__name__)
try:
    type("X", (1,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", ())
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, (), {})
except TypeError as e:
    print("TypeError:", e)
class Meta(type):
    def __call__(cls, *a, **k):
        print("meta call", cls.__name__, a, k)
        return super().__call__(*a, **k)
    def __repr__(cls):
        return f"<Meta {cls.__name__}>"
class W(metaclass=Meta):
    def __init__(self, v=0):
        self.v = v
w = W(3, )
print(w.v, W, type(W), type(type(W)))
X = Meta("X", (), {"a": 1})
print(X, X.a, X().__class__)
from abc import ABCMeta
class A(ABC):
    @abstractmethod
    def f(self): ...
class B(A):
    pass
try:
    B()
except TypeError as e:
    print("TypeError:", e)
class C(A):
    f = None
print(type(C()).__name__)
print(abc.ABC.__name__, type(A) is ABCMeta, A.__abstractmethods__, C.__abstractmethods__)
class Many(ABC):
    @abstractmethod
    def z(self): ...
    @abstractmethod
    def a(self): ...
    @abstractmethod
    def m(self): ...
try:
    Many()
except TypeError as e:
    print("TypeError:", e)
class K:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class L(K, x=1):
    pass
class Mx(type):
    pass
class N(K, metaclass=Mx, y=2):
    pass
print(type(N).__name__)
class Ctr:
    n = 0
    def __new__(cls, *a):
        cls.n += 1
        return super().__new__(cls)
    def __init__(self, a):
        self.a = a
print(Ctr(1).a, Ctr(2).a, Ctr.n)
class Desc:
    def __get__(self, obj, owner):
        return ("get", obj is None, owner.__name__)
class HasD:
    d = Desc()
print(HasD.d, HasD().d)
class NonData:
    def __get__(self, obj, owner=None):
        return "nd"
class HasND:
    x = NonData()
h = HasND()
print(h.x)
h.__dict__["x"] = "inst"
print(h.x)
print(vars(HasND)["x"].__class__.__name__)
class GA:
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return f"{cls.__name__}<{', '.join(p.__name__ for p in params)}>"
print(GA[int], GA[int, str], list[int], dict[str, list[int]], tuple[int, ...])
