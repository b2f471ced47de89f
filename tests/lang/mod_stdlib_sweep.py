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
# argparse: a required subcommand missing is reported, not an IndexError
import argparse, sys, io, contextlib
p = argparse.ArgumentParser(prog='git', description='A VCS')
p.add_argument('--version', action='version', version='%(prog)s 2.0')
sub = p.add_subparsers(dest='cmd', required=True, help='sub-command help')
c = sub.add_parser('commit', help='record changes')
c.add_argument('-m', '--message', required=True)
c.add_argument('--amend', action='store_true')
a = sub.add_parser('add', help='add files', aliases=['stage'])
a.add_argument('paths', nargs='*', default=['.'])
a.add_argument('-n', '--dry-run', action='count', default=0)
g = p.add_mutually_exclusive_group()
g.add_argument('-q', action='store_true'); g.add_argument('-v', action='store_true')
print(p.parse_args(['commit', '-m', 'msg']), p.parse_args(['stage', 'a', 'b', '-nn']), p.parse_args(['-q', 'add']))
for argv in [['commit'], [], ['push'], ['-q', '-v', 'add'], ['--version'], ['commit', '-m'], ['add', '--bogus'], ['-h'], ['commit', '-h']]:
    err = io.StringIO(); out = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            p.parse_args(argv)
    except SystemExit as e:
        print(argv, 'exit', e.code)
        print(out.getvalue(), end='')
        print(err.getvalue(), end='')
pp = argparse.ArgumentParser(prog='calc', formatter_class=argparse.ArgumentDefaultsHelpFormatter, epilog='Bye.')
pp.add_argument('n', type=int, help='a number')
pp.add_argument('--ratio', type=float, default=0.5, help='the ratio')
pp.add_argument('--names', nargs=2, metavar=('FIRST', 'LAST'))
pp.add_argument('--level', choices=range(1, 4), type=int, default=1)
pp.add_argument('--opt', nargs='?', const='C', default='D')
pp.add_argument('-x', dest='xs', action='append', type=int)
pp.print_help()
print(pp.parse_args(['3', '--opt', '-x', '1', '-x', '2', '--names', 'a', 'b']))
ns, rest = pp.parse_known_args(['4', '--unknown', 'z'])
print(ns, rest)
for argv in [['x'], ['1', '--level', '7'], ['1', '--ratio', 'abc']]:
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            pp.parse_args(argv)
    except SystemExit as e:
        print(e.code, err.getvalue(), end='')
# heapq's type errors name the argument as the C functions do
import heapq
for f in [lambda: heapq.heappush((), 1), lambda: heapq.heappop(()), lambda: heapq.heapify(()), lambda: heapq.heapreplace((), 1), lambda: heapq.heappushpop((), 1), lambda: heapq.heapreplace([], 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
# NormalDist.inv_cdf: Wichura's AS 241, bit for bit
import statistics as st, random
nd = st.NormalDist(100, 15)
print(nd.inv_cdf(0.95), nd.quantiles(4), nd.quantiles(10), st.NormalDist().inv_cdf(1e-300), st.NormalDist().inv_cdf(0.9999999999))
random.seed(3)
print([st.NormalDist(5, 2).inv_cdf(random.random()) for _ in range(200)] == [st.NormalDist(5, 2).inv_cdf(x) for x in []] or sum(st.NormalDist(5, 2).inv_cdf(random.random()) for _ in range(2000)))
print(nd.samples(3, seed=42), len(nd.samples(5)))
