# Details of json, decimal, io and weakref that ordinary programs meet.
import json, decimal, io, weakref
from decimal import Decimal
print(json.dumps("\u2028\x00\x1f\x7f~ é"), json.dumps("\x7f", ensure_ascii=False))
print(json.dumps({"k\x7f": ["\x7f"]}, indent=1))
for v in [(2, (1,), 0), (0, (1, 'a'), 0), (0, (1,), 'x'), (0, (1,), 1.5), (0, (12,), 0), [1], (0, [1, 2], -1), (1, (5,), 'F')]:
    try:
        print(repr(Decimal(v)))
    except Exception as e:
        print(type(e).__name__, e)
print(Decimal(7).fma(2, 3), Decimal('1.23456789').fma(Decimal('9.87654321'), 1))
with decimal.localcontext() as c:
    c.prec = 3
    print(Decimal('1.23456789').fma(Decimal('9.87654321'), 1), Decimal(2).fma(3, Decimal('0.001')))
s = io.StringIO("x")
s.close()
b = io.BytesIO(b"x")
b.close()
for f in (s.read, b.read, s.getvalue, lambda: s.write("a")):
    try:
        f()
    except ValueError as e:
        print(e)
class A:
    pass
a = A()
r = weakref.ref(a)
print(type(r).__name__, weakref.ref is weakref.ReferenceType, r() is a, repr(weakref.ReferenceType))
