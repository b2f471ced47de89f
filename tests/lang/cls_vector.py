# A 2-D vector class with operator overloading.
import math


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vector(self.x * k, self.y * k)
        if isinstance(k, Vector):
            return self.x * k.x + self.y * k.y
        return NotImplemented

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __eq__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return self.x == other.x and self.y == other.y

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i == 0:
            return self.x
        if i == 1:
            return self.y
        raise IndexError("Vector index out of range")

    def __iter__(self):
        yield_list = [self.x, self.y]
        return iter(yield_list)

    def __contains__(self, v):
        return v == self.x or v == self.y

    def __bool__(self):
        return self.x != 0 or self.y != 0


v = Vector(3, 4)
w = Vector(1, -2)
print(v, w)
print(repr(v + w), repr(v - w))
print(v * 2, 2 * v, v * w)
print(v / 2)
print(-v, +v, abs(v))
print(v == Vector(3, 4), v != Vector(3, 4), v == w, v != w)
print(v == 5, v != "x")
print(v < w, w < v, v > w, sorted([v, w, Vector(0, 1)]))
print(len(v), v[0], v[1], list(v), 3 in v, 5 in v)
x, y = v
print(x, y)
print(bool(v), bool(Vector(0, 0)))
if Vector(0, 0):
    print("never")
else:
    print("zero vector is falsy")
print(hash(v) == hash(Vector(3, 4)))
d = {v: "v", w: "w"}
print(d[Vector(3, 4)], d[Vector(1, -2)])
print(len({v, Vector(3, 4), w}))
total = Vector(0, 0)
for p in [v, w, Vector(10, 10)]:
    total += p
print(total)
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
try:
    v[2]
except IndexError as e:
    print("IndexError:", e)
try:
    "a" * v
except TypeError as e:
    print("TypeError:", e)
print(max([v, w]), min([v, w]))
print(f"{v}", f"{v!r}", "{}".format(w), format(v))
print(str(v), repr([v, w]))
