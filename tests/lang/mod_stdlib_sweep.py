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
