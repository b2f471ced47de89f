# Differences found by the stdlib conformance sweep, one block per fix.
import itertools
print([repr(g).split(' at ')[0] for k, g in itertools.groupby('aab')])
# timedelta: a day count beyond a C int overflows as CPython's conversion does
from datetime import timedelta as T
for kw in [dict(days=2**31-1), dict(days=2**31), dict(days=-2**31), dict(days=-2**31-1), dict(seconds=10**20), dict(hours=10**12), dict(weeks=10**9), dict(days=1e10), dict(microseconds=10**30), dict(seconds=86400*10**9)]:
  try: T(**kw)
  except OverflowError as e: print(kw, e)
for f in [lambda: T.max + T(1), lambda: T.max * 10**6, lambda: T.min - T(1), lambda: -T.min if False else T.max * 3]:
  try: f()
  except OverflowError as e: print(e)
# Decimal's format mini-language (C decimal's results), %d of objects with __int__
from decimal import Decimal, localcontext, ROUND_DOWN
vals = ['1234.5678', '-0.000012345', '0', '-0', '1E+5', '123456789', '0.5', '9.999', '1e-10', 'Infinity', '-NaN', '0E+3', '-0.00', '12.5', '2.5']
specs = ['', '.2f', '>10', '.3e', '%', ',', '.10g', '+.1f', '.0f', 'e', 'E', 'g', 'G', '.2%', '012,.2f', '*^15.3f', '#.0f', ' 8.1e', 'z.1f', '.3', '.1g', '010', '=+12,', 'f', ',.3f', '_', 'n', '.0e', '.2g', '<8']
for v in vals:
    d = Decimal(v)
    row = []
    for sp in specs:
        try:
            row.append(format(d, sp))
        except (ValueError, TypeError) as e:
            row.append('ERR ' + str(e))
    print(v, row)
for bad in ['x', '.2d', 'b', '10.2s']:
    try:
        format(Decimal(1), bad)
    except ValueError as e:
        print(bad, e)
with localcontext() as c:
    c.rounding = ROUND_DOWN
    print(format(Decimal('1.99'), '.1f'), format(Decimal('1.99'), '.1e'))
    c.capitals = 0
    print(format(Decimal('1E+10'), ''), format(Decimal('1E+10'), '.3'))
print("%d %i" % (Decimal('-3.7'), Decimal('9')), "%5d|" % Decimal(42))
from fractions import Fraction
print("%d" % Fraction(7, 2))
# timedelta refuses format specs, naming its type as CPython's C type
from datetime import timedelta
try:
    format(timedelta(1), '>5')
except TypeError as e:
    print(e)
print(format(timedelta(hours=1)), f"{timedelta(0)}")
# an Enum mixed with str formats as the enum (the data type's __format__ is replaced)
import enum
class Col(str, enum.Enum):
    RED = 'r'
print(format(Col.RED, '>3'), f"{Col.RED:>10}|", str(Col.RED))
# builtin methods compare equal when they are the same method of the same object
l = []
print(str.upper == str.upper, str.__format__ != str.__format__, l.append == l.append, [].append == [].append, len == len, {str.upper: 1}[str.upper])
# os functions given a PathLike name the path as a str in their errors
import os
from pathlib import Path
for f in [lambda: os.remove(Path('/nonexist/x')), lambda: os.remove('/nonexist/y'), lambda: open(Path('/nonexist/z')), lambda: os.stat(Path('/nope')), lambda: os.listdir(Path('/nope')), lambda: os.rename(Path('/nope1'), '/nope2'), lambda: os.mkdir(Path('/proc/x/y'))]:
    try:
        f()
    except OSError as e:
        print(repr(e.filename), repr(e.filename2), e)
