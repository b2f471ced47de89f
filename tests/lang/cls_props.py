# @property with setter and deleter, @staticmethod, @classmethod
# alternative constructors, class-level counters.


class Temperature:
    instances = 0

    def __init__(self, celsius=0.0):
        self.celsius = celsius
        Temperature.instances += 1

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"temperature below absolute zero: {value}")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def is_freezing(c):
        return c <= 0

    @classmethod
    def how_many(cls):
        return f"{cls.__name__}: {cls.instances}"

    def __repr__(self):
        return f"Temperature({self.celsius:.1f})"


t = Temperature(25)
print(t, t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
u = Temperature.from_fahrenheit(212)
print(u, type(u).__name__)
print(Temperature.is_freezing(-5), t.is_freezing(3))
print(Temperature.how_many(), t.how_many())
del t.celsius
try:
    print(t.celsius)
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget is not None)
print(Temperature.__dict__["from_fahrenheit"].__func__ is not None)


class Kelvin(Temperature):
    @classmethod
    def from_fahrenheit(cls, f):
        obj = super().from_fahrenheit(f)
        obj.tag = "kelvin"
        return obj

    @property
    def kelvin(self):
        return self.celsius + 273.15


k = Kelvin.from_fahrenheit(32)
print(type(k).__name__, k.tag, round(k.kelvin, 2), Kelvin.how_many())


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r ** 2

    area_prop = property(area)
    radius = property(lambda self: self.r, doc="the radius")


c = Circle(2)
print(c.area_prop, c.radius, Circle.radius.__doc__)
try:
    del c.radius
except AttributeError as e:
    print("AttributeError:", e)


class Counter:
    total = 0

    def __init__(self):
        self.value = 0

    def increment(self, by=1):
        self.value += by
        Counter.total += by
        return self


c1, c2 = Counter(), Counter()
c1.increment().increment(5)
c2.increment(by=10)
print(c1.value, c2.value, Counter.total)
m = c1.increment
print(m.__self__ is c1, m.__name__, m().value)
print(m == c1.increment, m == c2.increment)
f = Counter.increment
print(f(c2).value)
sm = staticmethod(len)
print(sm("abc"))


class Registry:
    items = []

    @classmethod
    def register(cls, item):
        cls.items.append(item)
        return item

    @staticmethod
    def helper():
        return "static"


Registry.register("a")
Registry().register("b")
print(Registry.items, Registry.helper(), Registry().helper())
