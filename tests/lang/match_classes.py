# match: class patterns — positional sub-patterns through __match_args__,
# keyword sub-patterns, dataclasses, nesting, and the builtin types that
# match themselves (`case int(x)`).
from dataclasses import dataclass


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


@dataclass
class Circle:
    center: Point
    radius: float


@dataclass
class Rect:
    corner: Point
    width: float
    height: float


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y) if x == y:
            return f"on the diagonal at {x}"
        case Point():
            return "somewhere else"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), "P"]:
    print(where(p))


def area(shape):
    match shape:
        case Circle(Point(x, y), radius=r):
            return f"circle at ({x}, {y}): {3.14159 * r * r:.2f}"
        case Rect(_, width=w, height=h) if w == h:
            return f"square: {w * h}"
        case Rect(Point(x, y), w, h):
            return f"rect at ({x}, {y}): {w * h}"


print(area(Circle(Point(1, 2), 2.0)))
print(area(Rect(Point(0, 0), 3, 3)))
print(area(Rect(Point(5, 6), 2, 4)))
print(area(Point(1, 1)))


def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i) if i < 0:
            return f"negative int {i}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b) | bytearray(b):
            return f"binary {b!r}"
        case list(l) | tuple(l):
            return f"{type(l).__name__} of {len(l)}"
        case dict(d):
            return f"dict with {sorted(d)}"
        case set(s) | frozenset(s):
            return f"{type(s).__name__} {sorted(s)}"
        case _:
            return f"other {type(v).__name__}"


for v in [True, -3, 7, 2.5, "s", b"b", bytearray(b"x"), [1, 2], (1,), {"k": 1}, {3, 1},
          frozenset({2}), None, range(2)]:
    print(kind(v))


class Celsius(float):
    pass


class Named(str):
    __match_args__ = ("upper_form",)

    @property
    def upper_form(self):
        return self.upper()


match Celsius(21.5):
    case Celsius(t):
        print("a float subclass matches itself:", type(t).__name__, t)

match Named("ada"):
    case Named(u):
        print("__match_args__ replaces self-matching:", u)

# Attributes are all read (in order) before any sub-pattern is tried.
class Lazy:
    __match_args__ = ("a", "b")

    @property
    def a(self):
        print("  reading a")
        return 1

    @property
    def b(self):
        print("  reading b")
        return 2


match Lazy():
    case Lazy(5, b):
        print("no")
    case Lazy(a, b=2):
        print("yes", a)

# A missing attribute is simply no match.
match Point(1, 2):
    case Point(z=3):
        print("no")
    case Point(x=1):
        print("no z attribute, matched on x")

# isinstance honours __instancecheck__.
class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0


class Even(metaclass=Meta):
    pass


for n in [3, 4]:
    match n:
        case Even():
            print(n, "is even")
        case _:
            print(n, "is odd")
