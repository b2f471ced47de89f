# Equality, hashing and ordering of instances; sorting with key= and __lt__.


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p, q = Point(1, 2), Point(1, 2)
print(p == q, p != q, p is q, p == (1, 2))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
try:
    {p: 1}
except TypeError as e:
    print("TypeError:", e)
try:
    s = {p, q}
except TypeError as e:
    print("TypeError:", e)
print(Point.__hash__)
print(p in [Point(0, 0), Point(1, 2)], [Point(3, 3), p].index(q), [p, q, Point(9, 9)].count(p))


class Plain:
    pass


a, b = Plain(), Plain()
print(a == a, a == b, a != b, hash(a) == hash(a), len({a, b, a}))


class HashedPoint(Point):
    def __hash__(self):
        return hash((self.x, self.y))


print(len({HashedPoint(1, 2), HashedPoint(1, 2), HashedPoint(2, 1)}))
print({HashedPoint(0, 0): "origin"}[HashedPoint(0, 0)])


class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
        self.text = text

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return f"v{self.text}"


versions = [Version(s) for s in ["1.10", "1.2", "0.9.1", "1.2.0", "2.0", "1.9.9"]]
print(sorted(versions))
print(sorted(versions, reverse=True))
print(max(versions), min(versions))
print(Version("1.0") > Version("0.9"), Version("1.0") >= Version("1.0"), Version("3") <= Version("2"))
versions.sort(key=lambda v: len(v.text))
print(versions)


class Student:
    def __init__(self, name, grade, age):
        self.name, self.grade, self.age = name, grade, age

    def __repr__(self):
        return self.name


students = [Student("ann", 90, 20), Student("bob", 85, 22), Student("cy", 90, 19), Student("di", 70, 21)]
print(sorted(students, key=lambda s: s.grade))
print(sorted(students, key=lambda s: (-s.grade, s.age)))
print(sorted(students, key=lambda s: s.name, reverse=True))
print(max(students, key=lambda s: s.age), min(students, key=lambda s: s.age))
try:
    sorted(students)
except TypeError as e:
    print("TypeError:", e)
try:
    Student("x", 1, 1) < Student("y", 2, 2)
except TypeError as e:
    print("TypeError:", e)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if isinstance(other, Money):
            return self.cents == other.cents
        if isinstance(other, int):
            return self.cents == other * 100
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Money):
            return self.cents < other.cents
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        return f"${self.cents / 100:.2f}"


print(Money(500) == 5, 5 == Money(500), Money(1) == "a", Money(250) < Money(300))
print(sorted([Money(300), Money(100), Money(200)]))
try:
    Money(1) < 5
except TypeError as e:
    print("TypeError:", e)
try:
    hash(Money(1))
except TypeError as e:
    print("TypeError:", e)


class Base:
    def __eq__(self, other):
        return "Base.__eq__"


class Derived(Base):
    def __eq__(self, other):
        return "Derived.__eq__"


print(Base() == Derived(), Derived() == Base(), Base() != Derived())
