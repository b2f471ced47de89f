class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.registry = []
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __len__(cls):
        return len(cls.registry)
    def __iter__(cls):
        return iter(cls.registry)
    def __getitem__(cls, k):
        return cls.registry[k]
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        cls.registry.append(inst)
        return inst
    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"
    def hello(cls):
        return "hello from " + cls.__name__
    @property
    def count(cls):
        return len(cls.registry)

class Base(metaclass=Meta, flag=1):
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Base({self.v})"
    @classmethod
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)

class Child(Base, flag=2):
    def __init__(self, v):
        super().__init__(v * 10)

print(type(Base) is Meta, type(Child).__name__, Child.__class__)
a = Base(1); b = Base(2); c = Child(3)
print(len(Base), list(Base), Base[0], len(Child), list(Child))
print(Base, Child, Base.hello(), Child.count)
print(isinstance(Base, Meta), isinstance(a, Base), isinstance(c, Base), issubclass(Child, Base))
print(Meta.__mro__)

class Even(type):
    def __instancecheck__(cls, x):
        return isinstance(x, int) and x % 2 == 0
class IsEven(metaclass=Even): pass
print(isinstance(4, IsEven), isinstance(3, IsEven), isinstance("x", IsEven))

class OD(dict):
    def __setitem__(self, k, v):
        print("ns set", k)
        super().__setitem__(k, v)
class P(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return OD()
class Q(metaclass=P):
    x = 1
    def f(self): return 2
print(Q.x, Q().f())
class G:
    def __class_getitem__(cls, item):
        return f"G[{item.__name__}]"
print(G[int], list[int], dict[str, list[int]], tuple[()], type[int])
print(int | None, int | str | int, list[int] | None)
print(isinstance(3, int | str), isinstance(3.0, int | str))
X = type('X', (Base,), {'z': 5})
print(X.z, type(X))
class W(list[int]): pass
print(W([1,2]), W.__orig_bases__, W.__bases__)
try:
    class Bad(metaclass=Meta, bogus=1): pass
except TypeError as e:
    print("TypeError", e)
class Z:
    pass
try:
    class Z2(Z, bogus=1): pass
except TypeError as e:
    print("TypeError", e)


# attribute sites that see classes of a metaclass (their inline caches
# must not take a class for an instance with a dict)
class Meta2(type):
    pass


class WithMeta(metaclass=Meta2):
    x = 1
    y = "why"


def read_attrs(c):
    return c.x, c.y


for _ in range(3):
    print(read_attrs(WithMeta))
    WithMeta.x += 1
