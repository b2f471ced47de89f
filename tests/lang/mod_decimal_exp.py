# Decimal exp/ln/log10 and non-integer powers, correctly rounded at the context precision
from decimal import Decimal, getcontext, localcontext, InvalidOperation
D = Decimal
print(D(4)**D('0.5'), D(2)**D('0.5'), D(10).ln(), D(1).exp(), D(100).log10(), D('0.5').ln(), D(1000).log10(), D(2).log10(), D('1.5')**D('2.5'), D(-1).exp(), D(1).ln(), D(0).exp(), D(2)**D('-0.5'), D(27)**(D(1)/3))
print(D('1.0000000001').ln(), D('1E-10').exp(), D(1000).exp(), D(-1000).exp(), D('123.456').ln(), D('0.001').log10(), D('0.002').log10(), D('1E+100').ln(), D('7.5E-50').ln())
print(D('Infinity').ln(), D('Infinity').exp(), D('-Infinity').exp(), D('NaN').ln(), D(0).ln(), D(0).log10(), D('1.00').ln(), D('10.0').log10())
for bad in [lambda: D(-1).ln(), lambda: D(-2) ** D('0.5'), lambda: D('-Infinity').ln()]:
    try:
        print(bad())
    except InvalidOperation as e:
        print('InvalidOperation', type(e).__name__)
for p in [5, 10, 50]:
    with localcontext() as c:
        c.prec = p
        print(p, D(2).exp(), D(3) ** D('0.5'), D(2).ln(), D('1E+3').log10(), D(7).log10(), D('0.1').exp(), D(5).ln())
import math
print(D(2).sqrt(), D(10) ** D('1.5'), D('2.5') ** 2, D(2) ** D('0.1'))
from decimal import Decimal as D, localcontext
import random
random.seed(11)
bad = 0
lines = []
for i in range(150):
    m = random.randint(1, 10**random.randint(1, 20))
    e = random.randint(-30, 10)
    x = D(m).scaleb(e) if False else D(str(m) + 'E' + str(e))
    y = D(str(random.randint(-999, 999)) + 'E-' + str(random.randint(1, 3)))
    p = random.choice([4, 9, 16, 28, 40])
    with localcontext() as c:
        c.prec = p
        try:
            r = (x.ln(), x.log10(), (x / (10 ** x.adjusted())).exp(), x ** y)
        except Exception as ex:
            r = type(ex).__name__
    lines.append(str(r))
print('\n'.join(lines))
