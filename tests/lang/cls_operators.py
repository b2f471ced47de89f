# Operator dispatch between classes: reflected methods, NotImplemented,
# a subclass's reflected method going first, in-place fallbacks, and the
# comparison reflection rules.


class Num:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"{type(self).__name__}({self.v})"

    def __add__(self, other):
        print(f"  {self!r}.__add__({other!r})")
        if isinstance(other, Num):
            return Num(self.v + other.v)
        if isinstance(other, int):
            return Num(self.v + other)
        return NotImplemented

    def __radd__(self, other):
        print(f"  {self!r}.__radd__({other!r})")
        if isinstance(other, int):
            return Num(other + self.v)
        return NotImplemented

    def __sub__(self, other):
        return Num(self.v - (other.v if isinstance(other, Num) else other))

    def __rsub__(self, other):
        return Num(other - self.v)

    def __mul__(self, other):
        return Num(self.v * other) if isinstance(other, int) else NotImplemented

    __rmul__ = __mul__

    def __pow__(self, k):
        return Num(self.v ** k)

    def __rpow__(self, base):
        return Num(base ** self.v)

    def __floordiv__(self, k):
        return Num(self.v // k)

    def __truediv__(self, k):
        return Num(self.v / k)

    def __mod__(self, k):
        return Num(self.v % k)

    def __divmod__(self, k):
        return (self // k, self % k)

    def __lshift__(self, k):
        return Num(self.v << k)

    def __rshift__(self, k):
        return Num(self.v >> k)

    def __and__(self, k):
        return Num(self.v & k)

    def __or__(self, k):
        return Num(self.v | k)

    def __xor__(self, k):
        return Num(self.v ^ k)

    def __invert__(self):
        return Num(~self.v)

    def __matmul__(self, other):
        return self.v * other.v


class Sub(Num):
    def __radd__(self, other):
        print(f"  {self!r}.__radd__({other!r}) [Sub]")
        return Sub(-1)


print(Num(1) + Num(2))
print(Num(1) + 5)
print(5 + Num(1))
print(Num(1) + Sub(2))  # Sub overrides __radd__: it goes first
print(Sub(2) + Num(1))
try:
    Num(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + Num(1)
except TypeError as e:
    print("TypeError:", e)
print(10 - Num(3), Num(10) - 3, Num(10) - Num(4))
print(Num(3) * 4, 4 * Num(3))
try:
    Num(3) * Num(3)
except TypeError as e:
    print("TypeError:", e)
print(Num(2) ** 10, 2 ** Num(5), pow(Num(3), 2))
print(Num(17) // 5, Num(17) / 4, Num(17) % 5, divmod(Num(17), 5))
print(Num(1) << 4, Num(256) >> 2, Num(12) & 10, Num(12) | 3, Num(12) ^ 5, ~Num(5))
print(Num(3) @ Num(4))

n = Num(1)
n += 2
print(n)
n -= 1
n *= 5
n **= 2
n //= 3
print(n)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self

    def __repr__(self):
        return f"Acc{self.items}"


a = Acc()
alias = a
a += 1
a += "two"
print(a, alias is a)
try:
    a -= 1
except TypeError as e:
    print("TypeError:", e)


class Weird:
    def __iadd__(self, other):
        return NotImplemented

    def __add__(self, other):
        return "fallback to __add__"


w = Weird()
w += 1
print(w)


class Cmp:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print(f"  Cmp({self.v}).__lt__")
        return self.v < other.v if isinstance(other, Cmp) else NotImplemented

    def __eq__(self, other):
        print(f"  Cmp({self.v}).__eq__")
        return isinstance(other, Cmp) and self.v == other.v

    __hash__ = object.__hash__


class CmpSub(Cmp):
    def __gt__(self, other):
        print(f"  CmpSub({self.v}).__gt__")
        return self.v > other.v


print(Cmp(1) < Cmp(2))
print(Cmp(2) > Cmp(1))
print(Cmp(1) < CmpSub(2))
print(Cmp(1) == CmpSub(1))
print(CmpSub(1) != Cmp(1))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print("TypeError:", e)
try:
    Cmp(1) < 3
except TypeError as e:
    print("TypeError:", e)
print(len({Cmp(1), Cmp(1)}))


class Always:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return "custom ne"


print(Always() == 1, 1 == Always(), Always() != 1, [1, 2].count(Always()), Always() in [5])
print(None == Always(), Always() == None)
