# Subclasses of int, float and complex: __new__/__init__, attributes, overrides,
# and the base operations' results (exact base types where CPython's are).
import cmath
import json
import operator
class MyInt(int):
    def __new__(cls, v, unit="m"):
        o = super().__new__(cls, v)
        o.unit = unit
        return o
    def __repr__(self):
        return f"MyInt({int(self)}{self.unit})"
    def double(self):
        return MyInt(self * 2, self.unit)

a = MyInt(3, "kg")
print(a, repr(a), str(a), a.unit, a.double(), a.double().unit)
for r in (a + 1, 1 + a, a - 1, a * 2, a // 2, a % 2, a ** 2, -a, +a, abs(a), ~a, a << 1, a >> 1, a & 1, a | 4, a ^ 1, divmod(a, 2), round(a), int(a), a.real, a.numerator, a.conjugate(), a.bit_length()):
    print(repr(r), type(r).__name__)
print(a == 3, a < 4, hash(a) == hash(3), {a: 1}[3], [1, 2, 3, 4][a], "ab" * a, bool(MyInt(0)))
print(json.dumps({"a": a}), f"{a:05d}", format(a, "x"), "%d %s %r" % (a, a, a), hex(a), bin(a), oct(a))
print(sorted([MyInt(3), MyInt(1), 2]), max(MyInt(5), 2), sum([MyInt(1), MyInt(2)]), range(a), list(range(a)))
print(isinstance(a, int), issubclass(MyInt, int), type(a) is MyInt, MyInt.__mro__, MyInt.__bases__)
print(int.__repr__(a), int.__str__(a), str(a) == "MyInt(3kg)", a.__class__.__name__)

class Flag(int):
    def __str__(self):
        return "flag" + str(int(self))
    def __eq__(self, other):
        return other == "any" or int(self) == int(other)
    def __hash__(self):
        return 7
    def __add__(self, other):
        return Flag(int(self) + int(other))
    def __bool__(self):
        return True
f = Flag(0)
print(f, repr(f), f == "any", hash(f), f + 2, type(f + 2).__name__, 2 + f, type(2 + f).__name__, bool(f), "x" if f else "y")
print(f"{f}", "{}".format(f), str(f), [f], "%s" % f, "%d" % f)

class Celsius(float):
    def __init__(self, v):
        self.k = float(self) + 273.15
    def __repr__(self):
        return f"{float(self)}C"
c = Celsius(21.5)
print(c, repr(c), str(c), c.k, c + 1, type(c + 1).__name__, type(-c).__name__, type(abs(c)).__name__, type(+c).__name__, round(c), type(round(c, 1)).__name__)
print(c.is_integer(), c.hex(), c.as_integer_ratio(), f"{c:.3f}", "%.2f" % c, int(c), float(c), type(float(c)).__name__, c.real, type(c.real).__name__)
print(json.dumps([c]), divmod(c, 2), c // 2, c % 2, c ** 2, 2 ** Celsius(2), c == 21.5, hash(c) == hash(21.5), sorted([Celsius(3), 1.5]))
class F2(float):
    pass
x = F2("1.5")
print(x, repr(x), x * 2, type(x * 2).__name__, F2(), F2(3), float.fromhex("0x1p3"), F2.fromhex("0x1p3"), type(F2.fromhex("0x1p3")).__name__)
print(type(MyInt.from_bytes(b"\x01\x00", "big")).__name__ if False else int.from_bytes(b"\x01\x00", "big"))
class B(int): pass
print(B.from_bytes(b"\x01\x00", "big"), type(B.from_bytes(b"\x01\x00", "big")).__name__, B(True), type(B(True)).__name__, B("ff", 16))
print(True + B(1), B(5).to_bytes(2, "little"), B(10).__index__(), type(B(10).__index__()).__name__)
class C(complex):
    def __new__(cls, re=0.0, im=0.0, tag="x"):
        obj = super().__new__(cls, re, im)
        obj.tag = tag
        return obj
    def __repr__(self):
        return f"C({self.real}, {self.imag}, {self.tag!r})"
    def mag(self):
        return abs(self)

c = C(3, 4, "hi")
print(c, repr(c), c.tag, c.mag(), c.real, c.imag, c.conjugate())
print(type(c + 1).__name__, type(c * c).__name__, type(-c).__name__, type(+c).__name__, type(c.conjugate()).__name__)
print(c == 3+4j, hash(c) == hash(3+4j), isinstance(c, complex), complex(c), type(complex(c)).__name__)
print(abs(c), c / 2, c ** 2, 1 + c, bool(C()))
class D(complex):
    pass
d = D(1, 2)
print(d, repr(d), type(d).__name__, d + d, type(d + d).__name__, D("1+2j"), D(2))
d.x = 5
print(d.x, vars(d), f"{d:.2f}", format(d))
class E(complex):
    def __add__(self, o):
        return E(complex.__add__(self, o))
    def __str__(self):
        return "E" + complex.__repr__(self)
e = E(1, 1)
print(e + 1, type(e + 1).__name__, str(e), repr(e), e, [e])
print(complex.__new__(D, 5, 6), type(complex.__new__(D, 5, 6)).__name__)
print(cmath.sqrt(D(-4)), cmath.phase(d))
print(d.__class__.__mro__)
class Num(int):
    def __index__(self):
        return 1
    def __int__(self):
        return 2
    def __float__(self):
        return 2.5
n = Num(7)
print([10, 20, 30][Num(1)] if False else "", int(n), float(n), hex(n), range(n), n + 0, "%d" % n, f"{n}", str(n), round(n), bin(n), int.__index__(n), operator_index if False else "")
print(operator.index(n), operator.add(n, 1), len("x" * n), "abcdefgh"[n:], bytes(Num(2)), divmod(n, 2), pow(n, 2, 5), (n).bit_count(), n.as_integer_ratio())
