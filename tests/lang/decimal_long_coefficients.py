# Decimal coefficients longer than the 4300-digit limit on str(int) and
# int(str): C decimal has no such limit, so neither may ours. Also the
# `_decimal` module name programs test for, and comparisons of Decimals
# with different exponents and with ints.
import decimal

try:
    import _decimal
    print("_decimal", _decimal.MAX_PREC == decimal.MAX_PREC,
          _decimal.Decimal is decimal.Decimal)
except ImportError:
    print("no _decimal")

c = decimal.getcontext()
c.prec = 20000
x = decimal.Decimal(10) ** 5000 + 7
y = x * x
s = str(y)
print(len(s), s[:12], s[-12:])
z = decimal.Decimal("3" * 6000)
print(len(str(z)), str(z + 1)[-5:], z.adjusted())
print(int(decimal.Decimal("9" * 5000)) % 1000)
print(decimal.Decimal("1" * 5000) > decimal.Decimal("9" * 4999))
t = decimal.Decimal(12345678901234567890).as_tuple()
print(t.sign, len(t.digits), t.exponent)


def fact(n, m):
    if n > m:
        return fact(m, n)
    elif m == 0:
        return 1
    elif n == m:
        return n
    return fact(n, (n + m) // 2) * fact((n + m) // 2 + 1, m)


f = fact(decimal.Decimal(2000), 0)
fs = str(f)
print(len(fs), fs[:20], fs.rstrip("0")[-10:])

D = decimal.Decimal
print(D("1.5") < D("1.50001"), D("1.50") == D("1.5"), D("-2.5") < D(-2),
      D("1E+2") == 100, D("1E+2") > 99, D(5) >= 5, D("0.1") > 0, D("-0") == 0,
      D("1E+70") > D("9E+69"), D("1E-70") < D("2E-70"), D("1E+100") > 10 ** 99)
print(sorted([D("1.10"), D(1), D("0.999"), D("-3"), D("1E+1")]))
