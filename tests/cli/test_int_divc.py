"""`x // c` and `x % c` with a literal divisor (compiler/emit_intdiv.c).

- A power of two needs no division at all: `--emit-llvm -O0` of a
  function dividing only by 2, 4 and 8 holds no `sdiv`/`srem`.
- Another constant divides by the constant itself (LLVM makes it a
  multiply), with no zero test of the divisor.
- A variable divisor keeps the general way, but `n % d == 0` in an int
  fast copy tests the truncated remainder (`int.modz`), no floor fix-up.
"""

import re

from _cli import check, finish, run, write, AITHONC

SRC = '''
def pow2(n):
    s = 0
    while n > 0:
        s = s + n % 8 + n // 4
        n = n // 2
    return s


def by10(n):
    s = 0
    while n > 0:
        s = s + n % 10
        n = n // 10
    return s


def byvar(n, d):
    return n // d + n % d


def count_div(n, d):
    k = 0
    while d < n:
        if n % d == 0:
            k += 1
        d += 1
    return k


# called in a loop: a function only the module's straight-line code calls
# would be emitted as run-once code, without its fast paths (runonce.c)
for _ in range(1):
    print(pow2(1000), by10(12345), byvar(-7, 2), count_div(360, 1))
'''


def function_ir(ir, name):
    m = re.search(r'define internal i64 @' + re.escape(name) + r'\(.*?\n}\n', ir, re.S)
    return m.group(0) if m else ''


src = write('intdivc.py', SRC)
st, ir, err = run([AITHONC, src, '--emit-llvm', '-O0', '-o', '-'])
check(st == 0, 'compiles at -O0', err)
p = function_ir(ir, 'pow2')
check(p and 'sdiv' not in p and 'srem' not in p, 'powers of two: no division', p[:2000])
t = function_ir(ir, 'by10')
check(re.search(r'sdiv i64 %\S+, 10\b', t) and not re.search(r'sdiv i64 %\S+, %', t),
      'x // 10 divides by the constant 10 only', t[:2000])
check(re.search(r'sdiv i64 %\S+, %', function_ir(ir, 'byvar')), 'a variable divisor divides by a variable')
check('int.modz' in function_ir(ir, 'count_div'), 'n % d == 0 in a fast copy tests the remainder only')

exe = src[:-3]
st, _, err = run([AITHONC, src, '-o', exe])
check(st == 0, 'compiles', err)
st, out, err = run([exe])
check(out == '%s\n' % ' '.join(str(v) for v in (536, 15, -3, 23)), 'prints what CPython prints', out + err)
finish()
