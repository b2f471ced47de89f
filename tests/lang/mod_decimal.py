from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, InvalidOperation, DivisionByZero
import decimal

print(Decimal('1.10') + Decimal('2.205'), Decimal('0.1') + Decimal('0.2') == Decimal('0.3'), 0.1 + 0.2 == 0.3)
print(Decimal(10), Decimal('3.14'), Decimal(0.1), Decimal('-0'), Decimal('1e3'), Decimal('1E-7'), Decimal('123.456e2'), Decimal('  42  '))
print(repr(Decimal('1.5')), Decimal('Infinity'), Decimal('-inf'), Decimal('NaN'), Decimal((1, (1, 4), -1)), Decimal('1_000'))
print(Decimal('1') / Decimal('3'), Decimal('2') / Decimal('4'), Decimal('10') / Decimal('4'), Decimal('1') / 8, Decimal(7) / Decimal(7))
print(Decimal('1.30') * Decimal('1.20'), Decimal('5') - Decimal('7.25'), -Decimal('3'), abs(Decimal('-2.5')), Decimal('2') ** 10, Decimal('2') ** -2)
print(Decimal('7') // Decimal('2'), Decimal('-7') // Decimal('2'), Decimal('7') % Decimal('3'), Decimal('-7') % Decimal('3'), divmod(Decimal('7.5'), 2))
print(Decimal('3.14159').quantize(Decimal('0.01')), Decimal('2.675').quantize(Decimal('0.01'), rounding=ROUND_HALF_UP), Decimal('2.5').quantize(Decimal('1')), Decimal('7.89').quantize(Decimal('0.1'), ROUND_DOWN))
print(round(Decimal('2.5')), round(Decimal('3.5')), round(Decimal('1.2345'), 2), int(Decimal('-3.9')), float(Decimal('1.25')), Decimal('2').sqrt(), Decimal('16').sqrt(), Decimal('0.25').sqrt())
print(Decimal('1.0') == 1, Decimal('0.5') == 0.5, Decimal('1') < Decimal('2'), Decimal('2.50') > 2, hash(Decimal('1.0')) == hash(1), hash(Decimal('0.5')) == hash(0.5), Decimal('1.20') == Decimal('1.2'))
print(sorted([Decimal('3'), Decimal('1.5'), Decimal('-2')]), max(Decimal('1'), Decimal('2')), sum([Decimal('0.1')] * 10), Decimal('1.000').normalize(), Decimal('120').normalize())
print(Decimal('123.45').as_tuple(), Decimal('1.5').as_integer_ratio(), Decimal('-1.5').adjusted(), Decimal('0').is_zero(), Decimal('NaN').is_nan())
print(f"{Decimal('3.14159'):.2f}", f"{Decimal('1234567.891'):,.2f}", format(Decimal('2.5'), '8.3f'), f"{Decimal('0.5'):.0%}", str(Decimal('0.000001')), str(Decimal('0.0000001')), Decimal('1E+2').to_eng_string())
print(getcontext().prec, getcontext().rounding)
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), Decimal('123456789') + 0)
print(Decimal(1) / Decimal(7))
getcontext().prec = 6
print(Decimal(2).sqrt(), Decimal('1.23456789') * 1)
getcontext().prec = 28
with localcontext(rounding=ROUND_CEILING) as c2:
    print(Decimal('1.21').quantize(Decimal('0.1')))
for bad in (lambda: Decimal('abc'), lambda: Decimal(1) / Decimal(0), lambda: Decimal(0) / Decimal(0), lambda: Decimal('-1').sqrt(),
            lambda: Decimal(1) + 1.5, lambda: Decimal([1])):
    try:
        print(bad())
    except (InvalidOperation, DivisionByZero, TypeError, ValueError) as e:
        print(type(e).__name__)
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(InvalidOperation, ArithmeticError), decimal.ROUND_HALF_EVEN)
