# array.array subclasses: the value comes from array.__new__ (typecode and
# initializer; a subclass's keywords go to its __init__ only), __init__
# with extra state, a __new__ override, the subclass's name in repr,
# base-type results of slices and operators.
import array


class Samples(array.array):
    def __init__(self, typecode, data=(), *, rate=44100):
        self.rate = rate

    def duration(self):
        return len(self) / self.rate

    def append(self, x):
        super().append(x * 2)


s = Samples("h", [1, 2, 3], rate=2)
s.append(10)
s.extend([4])
print(s, repr(s), s.rate, s.duration(), len(s), s[3], s.typecode, s.itemsize)
print(type(s[1:3]).__name__, type(s + s).__name__, type(s * 2).__name__, s == array.array("h", [1, 2, 3, 20, 4]))
print(isinstance(s, array.array), issubclass(Samples, array.array), s.tolist(), s.tobytes()[:4], sum(s), sorted(s)[:2])
s[0] = 7
del s[1]
s.reverse()
print(s, s.pop(), s.index(20), s.count(7), list(reversed(s)), 3 in s, s.buffer_info()[1])
print(Samples("d"), Samples("u", "hé"), Samples("B", b"ab"))


class Vec(array.array):
    def __new__(cls, *values, label="v"):
        self = super().__new__(cls, "d", values)
        self.label = label
        return self

    def __add__(self, other):
        return Vec(*(a + b for a, b in zip(self, other)), label=self.label)

    def __repr__(self):
        return f"Vec{tuple(self)}"


v = Vec(1.0, 2.5, label="a")
w = v + Vec(1, 1)
print(v, w, w.label, type(w).__name__, v[1], str(v), v.typecode, len(w))


class Plain(array.array):
    pass


p = Plain("i", range(4))
p += array.array("i", [9])
p *= 2
print(p, type(p).__name__, p.tolist()[-1], bytes(p)[:4], array.array("i", p))
for bad in [("i", [1], 2), ("x",), ()]:
    try:
        Plain(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class WithInit(array.array):
    def __init__(self, typecode, init):
        super().__init__(typecode, init)


try:
    WithInit("i", [1])
except TypeError as e:
    print("TypeError:", e)
try:
    Plain("i", [1], extra=1)
    print("keywords ignored by array.__new__ of a subclass")
except TypeError as e:
    print("TypeError:", e)
