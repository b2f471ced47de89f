import numbers
from fractions import Fraction
from decimal import Decimal

for v in (1, True, 2.5, Fraction(1, 3), Decimal('1.5'), 'x'):
    print(type(v).__name__, [c.__name__ for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral) if isinstance(v, c)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational), issubclass(numbers.Integral, numbers.Real))


class Meters(numbers.Real):
    def __init__(self, v):
        self.v = v

    def __float__(self): return float(self.v)
    def __trunc__(self): return int(self.v)
    def __floor__(self): return int(self.v // 1)
    def __ceil__(self): return -int(-self.v // 1)
    def __round__(self, ndigits=None): return round(self.v, ndigits)
    def __floordiv__(self, o): return self.v // o
    def __rfloordiv__(self, o): return o // self.v
    def __mod__(self, o): return self.v % o
    def __rmod__(self, o): return o % self.v
    def __lt__(self, o): return self.v < o
    def __le__(self, o): return self.v <= o
    def __add__(self, o): return Meters(self.v + o)
    def __radd__(self, o): return Meters(o + self.v)
    def __neg__(self): return Meters(-self.v)
    def __pos__(self): return self
    def __mul__(self, o): return Meters(self.v * o)
    def __rmul__(self, o): return Meters(o * self.v)
    def __truediv__(self, o): return Meters(self.v / o)
    def __rtruediv__(self, o): return Meters(o / self.v)
    def __pow__(self, o): return Meters(self.v ** o)
    def __rpow__(self, o): return Meters(o ** self.v)
    def __abs__(self): return Meters(abs(self.v))
    def __eq__(self, o): return self.v == o
    def __hash__(self): return hash(self.v)


m = Meters(2.5)
print(isinstance(m, numbers.Real), float(m), (m - 1).v, divmod(m, 1), m.real is m or m.real.v, m.imag, m.conjugate().v)


class Incomplete(numbers.Integral):
    pass


try:
    Incomplete()
except TypeError as e:
    print('TypeError', str(e).split(' with ')[0])
