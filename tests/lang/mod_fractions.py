from fractions import Fraction
import math
import numbers

a = Fraction(3, 4)
b = Fraction('-1/6')
print(a, repr(a), b, a.numerator, a.denominator, Fraction(), Fraction(8, -6), Fraction(5))
print(Fraction('1.25'), Fraction(' -2.5e-3 '), Fraction('3e2'), Fraction('.5'), Fraction('7.'), Fraction('1_000'), Fraction(' 3/9 '))
print(Fraction(0.1), Fraction(1.5), Fraction.from_float(0.25), Fraction(Fraction(2, 3), Fraction(4, 5)), Fraction(a))
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, +a, abs(b))
print(a + 1, 1 + a, a - 1, 1 - a, 2 * a, a * 2, a / 2, 2 / a, 3 // a, 3 % a, divmod(3, a))
print(a + 0.5, 0.5 + a, a * 1.5, a / 0.25, a ** 2, a ** -2, b ** 3, (-a) ** -3, 2 ** Fraction(3), 4 ** Fraction(1, 2), a ** 0.5, a ** Fraction(1, 2))
print(a == Fraction(6, 8), a == 0.75, a != 0.75, Fraction(2) == 2, a < 1, a > b, a <= 0.75, a >= Fraction(3, 4), b < 0.0, a < math.inf, a > -math.inf, a == math.nan)
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(5)) == hash(5), hash(Fraction(1, 3)), hash(Fraction(-7, 3)))
print(int(Fraction(-7, 2)), math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), math.trunc(Fraction(7, 2)), float(a))
print(round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(-5, 2)), round(Fraction(1, 3), 2), round(Fraction(12345, 1), -2))
print(Fraction(math.pi).limit_denominator(1000), Fraction(math.pi).limit_denominator(10), Fraction(3, 7).limit_denominator(100), Fraction('3.14159').limit_denominator(100))
print(a.as_integer_ratio(), bool(Fraction(0)), bool(a), sorted([a, b, Fraction(1, 2), 0, 0.6]))
print(isinstance(a, numbers.Rational), isinstance(a, numbers.Number), isinstance(1, numbers.Integral), isinstance(1.0, numbers.Real), isinstance(1.0, numbers.Rational))
print(sum([Fraction(1, n) for n in range(1, 11)]), {Fraction(1, 2): 'half'}[0.5], str(Fraction(10, 5)), max(a, b), min(a, 0.7))
print(f'{a}', '%s' % a, format(float(a), '.3f'))
for bad in (lambda: Fraction(1, 0), lambda: Fraction('abc'), lambda: Fraction('1/0'), lambda: Fraction(1.5, 2),
            lambda: Fraction(float('nan')), lambda: Fraction(float('inf')), lambda: Fraction([1]),
            lambda: a / 0, lambda: Fraction(0) ** -1, lambda: a.limit_denominator(0), lambda: Fraction('1__0'),
            lambda: Fraction('')):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)


class MyFrac(Fraction):
    pass


m = MyFrac(1, 3)
print(repr(m), type(m + 1).__name__, m == Fraction(1, 3))
