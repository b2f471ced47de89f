# Subclasses of property: overridden __get__/__set__ (lazy values, class
# properties, validation), setter/deleter copies of the subclass, docs.
class lazy(property):
    def __init__(self, fget):
        super().__init__(fget)
        self.name = fget.__name__
    def __get__(self, obj, typ=None):
        if obj is None:
            return self
        v = self.fget(obj)
        obj.__dict__[self.name] = v
        return v
class A:
    @lazy
    def val(self):
        "the value"
        print("computing")
        return 42
a = A()
print(a.val, a.val, type(A.__dict__["val"]).__name__, A.val.name, A.val.__doc__, isinstance(A.val, property))

class classproperty(property):
    def __get__(self, obj, owner):
        return self.fget(owner)
class Conf:
    _name = "conf"
    @classproperty
    def name(cls):
        return cls._name.upper()
print(Conf.name, Conf().name)

class logged(property):
    pass
class B:
    def __init__(self): self._x = 0
    @logged
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        print("set", v)
        self._x = v
    @x.deleter
    def x(self):
        print("deleted")
b = B()
b.x = 5
print(b.x, type(B.__dict__["x"]).__name__)
del b.x
try:
    B.__dict__["x"].__set__(b, 7)
    print(b.x)
except Exception as e:
    print(type(e).__name__, e)

class checked(property):
    def __set__(self, obj, value):
        if value < 0:
            raise ValueError("negative")
        super().__set__(obj, value)
class C:
    def _get(self): return self.__dict__.get("_v", 0)
    def _set(self, v): self.__dict__["_v"] = v
    v = checked(_get, _set, doc="checked value")
c = C()
c.v = 3
try:
    c.v = -1
except ValueError as e:
    print("ValueError:", e)
print(c.v, C.v.__doc__, C.v.fget.__name__)
class RO:
    @logged
    def ro(self): return 1
try:
    RO().ro = 2
except AttributeError as e:
    print("AttributeError:", e)
class plain(property):
    pass
class D:
    def _get(self):
        "getter doc"
        return 1
    v = plain(_get, doc="explicit")
    w = plain(_get)
print(D.v.__doc__, D.w.__doc__, D().v, D().w, sorted(vars(D.__dict__["w"])))
