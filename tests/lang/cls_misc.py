# Less common class features: __new__, __init_subclass__, descriptors,
# class decorators, nested and local classes, type(), __dict__, __slots__.


class Singleton:
    _instance = None

    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.created = 0
        return cls._instance

    def __init__(self, tag):
        self.created += 1
        self.tag = tag


a = Singleton("a")
b = Singleton("b")
print(a is b, a.created, a.tag)


class Plugin:
    registry = {}

    def __init_subclass__(cls):
        super().__init_subclass__()
        Plugin.registry[cls.__name__.lower()] = cls


class CsvPlugin(Plugin):
    pass


class JsonPlugin(Plugin):
    pass


print(sorted(Plugin.registry), Plugin.registry["csvplugin"] is CsvPlugin)


class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive, got {value}")
        setattr(obj, self.name, value)


class Order:
    qty = Positive()
    price = Positive()

    def __init__(self, qty, price):
        self.qty = qty
        self.price = price

    def total(self):
        return self.qty * self.price


o = Order(3, 5)
print(o.total(), o.qty, sorted(vars(o)), type(Order.qty).__name__)
try:
    o.qty = -1
except ValueError as e:
    print("ValueError:", e)


def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"

    cls.__repr__ = __repr__
    return cls


@add_repr
class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b


print(Pair(1, "two"), [Pair(3, 4)])


def make_class(base_value):
    class Local:
        value = base_value

        def get(self):
            return self.value * 2

    return Local


L1, L2 = make_class(1), make_class(10)
print(L1().get(), L2().get(), L1 is L2, L1.__qualname__)


class Outer:
    class Inner:
        def hello(self):
            return "inner hello"

    def make(self):
        return self.Inner()


print(Outer().make().hello(), Outer.Inner.__qualname__, Outer.Inner)

Dyn = type("Dyn", (object,), {"x": 5, "double": lambda self: self.x * 2})
d = Dyn()
print(Dyn, d.double(), Dyn.x, type(d).__name__)
Sub = type("Sub", (Dyn,), {})
print(Sub().double(), issubclass(Sub, Dyn))


class WithSlots:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


ws = WithSlots(1, 2)
print(ws.x + ws.y)


class Body:
    squares = [i * i for i in range(5)]
    total = 0
    for i in range(4):
        total += i
    names = {k: len(k) for k in ("a", "bb")}
    del i

    def method(self):
        return self.total


print(Body.squares, Body.total, Body.names, Body().method(), hasattr(Body, "i"))
print(sorted(k for k in Body.__dict__ if not k.startswith("__")))
print(Body.__dict__["total"], "method" in Body.__dict__, Body.__module__)


class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


print(Square(3).describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)


class Account:
    def __init__(self, balance):
        self.balance = balance

    def __str__(self):
        return f"Account with {self.balance}"


acc = Account(10)
print(str(acc), f"{acc}", acc.__class__.__name__, acc.__dict__)
acc.__dict__["extra"] = 1
print(acc.extra, vars(acc))
print(isinstance(Account, type), type(Account), type(type(acc)))
print(object.__repr__(acc).startswith("<__main__.Account object at 0x"))
print(repr(acc).startswith("<__main__.Account object at"))

class Chain:
    def __init__(self):
        self.ops = []

    def add(self, x):
        self.ops.append(("add", x))
        return self

    def mul(self, x):
        self.ops.append(("mul", x))
        return self

    def run(self, v):
        for op, x in self.ops:
            v = v + x if op == "add" else v * x
        return v


print(Chain().add(2).mul(3).add(1).run(1))
