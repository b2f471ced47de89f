"""Int fast copies of loops (compiler/intinfer.c, compiler/emit_int.c).

- A loop whose int locals are read in it gets two copies in
  `--emit-llvm -O0`: `int.check` at the top of each iteration, the
  `int.fast` copy (overflow branches `int.deopt`-style to `int.resume`
  blocks of the `int.generic` copy), and the generic copy.
- A loop whose body holds a `try` (emitting it twice could duplicate
  handlers' state) or no int local is emitted once.
- The program still prints the big int CPython prints once `s`
  overflows in the fast copy.
"""

import re

from _cli import check, finish, run, write, AITHONC

SRC = '''
def total(limit, start):
    s = start
    i = 0
    while i < limit:
        s = s + i
        i = i + 1
    return s


def guarded(n):
    k = 0
    for i in range(n):
        try:
            k = k + 10 // i
        except ZeroDivisionError:
            k = k - 1
    return k


def strs(words):
    out = ""
    for w in words:
        out = out + w
    return out


print(total(1000, 2**62 - 100000), guarded(5), strs(["a", "b"]))
'''


def function_ir(ir, name):
    m = re.search(r'define internal i64 @' + re.escape(name) + r'\(.*?\n}\n', ir, re.S)
    return m.group(0) if m else ''


src = write('intfast.py', SRC)
st, ir, err = run([AITHONC, src, '--emit-llvm', '-O0', '-o', '-'])
check(st == 0, 'compiles at -O0', err)
t = function_ir(ir, 'total')
check('int.check' in t and 'int.fast' in t and 'int.generic' in t and 'int.resume' in t,
      'total() gets the int fast copy')
check('int.fast' not in function_ir(ir, 'guarded'), 'a loop with try is emitted once')
check('int.fast' not in function_ir(ir, 'strs'), 'a loop without int locals is emitted once')

exe = src[:-3]
st, _, err = run([AITHONC, src, '-o', exe])
check(st == 0, 'compiles', err)
st, out, err = run([exe])
check(out == '4611686018427787404 19 ab\n', 'prints what CPython prints', out + err)
finish()
