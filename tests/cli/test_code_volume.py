"""IR volume: checks the compiler proves unneeded leave no code.

- Definite assignment (compiler/defassign.c): a function whose every read
  of a local follows its assignment on all paths has no unbound-local
  check (no call of ai_raise_unbound_local) in `--emit-llvm -O0`; reads
  that may find the local unassigned keep theirs (one per such read).
- `a, b = b, a + b` stores the values directly: no tuple is built and
  none unpacked.
- A method call site checks the four ways of its cache inline (an
  inherited method sees each subclass); none when no class of the
  program binds the method's name
  (compiler/methnames.c: `xs.append(v)` calls the runtime at once).
- Run-once functions (compiler/runonce.c): a def (or a method name) only
  the module's straight-line code calls is emitted as that code is: no inline int
  path outside loops, and `optnone` when it has no loop; a def called in
  a loop, recursive, or used as a value keeps its fast paths, and so does
  every def of another module (it may be called from anywhere).
"""

import re

from _cli import check, finish, run, write, AITHONC

SRC = '''
from helpmod import helper

def proven(n, items):
    total = 0
    seen = []
    for i in range(n):
        k = i * 2
        if k > 3:
            msg = "big"
        else:
            msg = "small"
        seen.append(msg)
        total += k
    try:
        r = total // n
    except ZeroDivisionError:
        r = -1
    squares = [v * v for v in items if v]
    while True:
        w = len(seen)
        break
    return total, r, squares, w, seen


def unproven(c, n):
    if c:
        x = 1
    for i in range(n):
        y = i
    del c
    return x, y, i


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


class Base:
    def run(self):
        return self.step()

    def step(self):
        return 1


class Derived(Base):
    def step(self):
        return 2


def caller(o):
    return o.step()


class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


def once(a, b):
    return a * b + 1


def once_loop(n):
    t = n * 3
    for i in range(n):
        t += i * 2
    return t


def loop_twin(n):
    t = n * 3
    for i in range(n):
        t += i * 2
    return t


def in_loop(a, b):
    return a * b + 1


def recursive(n):
    return n if n < 2 else recursive(n - 1) * 2


def as_value(a, b):
    return a * b + 1


def main_once(o, xs):
    return o.step(), xs[0]


class Report:
    def __init__(self, a):
        self.a = a

    def summary(self):
        return self.a * 2 + 1

    def hot(self):
        return self.a * 2 + 1


def builtin_method(xs):
    xs.append(len(xs))
    return xs


print(proven(4, [1, 0, 3]), fib(10), caller(Derived()), Base().run(), builtin_method([]),
      Rect(2, 3).area(), Rect(2.5, 2.0).area(), once(2, 3), once_loop(4), recursive(5),
      list(map(as_value, [1], [2])), main_once(Derived(), [1]))
print(Report(3).summary())
for k in range(2):
    Report(k).hot()
    helper(k, 2)
    in_loop(k, 2)
    caller(Base())
    loop_twin(k)
try:
    unproven(True, 0)
except UnboundLocalError as e:
    print(e)
'''

write('helpmod.py', 'def helper(a, b):\n    return a * b + 1\n')
write('volume.py', SRC)
rc, out, err = run([AITHONC, 'volume.py', '--emit-llvm', '-O0', '-o', '-'])
check(rc == 0, 'volume.py compiles', err[:300])


def body(name):
    m = re.search(r'^define [^@]*@%s\(.*?^}' % name, out, re.S | re.M)
    return m.group(0) if m else ''


proven, unproven = body('proven'), body('unproven')
check(proven and 'ai_raise_unbound_local' not in proven,
      'no unbound check where every read follows an assignment',
      '%d checks' % proven.count('call i64 @ai_raise_unbound_local'))
check(unproven.count('call i64 @ai_raise_unbound_local') == 3,
      'a check for each read that may find its local unassigned (x, y, i)',
      '%d checks' % unproven.count('call i64 @ai_raise_unbound_local'))
fib = body('fib')
check(fib and 'ai_unpack' not in fib and 'ai_tuple_pack' not in fib and 'tuple.bump' not in fib,
      'a, b = b, a + b builds and unpacks no tuple')


def ways(f):
    return len(re.findall(r'^mc\.way\d*:', f, re.M))


check(ways(body('caller')) == 4, 'a method call checks four ways inline', '%d' % ways(body('caller')))
check(ways(body('builtin_method')) == 0, 'no inline way for a name no class binds',
      '%d' % ways(body('builtin_method')))

attrs = dict(re.findall(r'^attributes (#\d+) = \{([^}]*)\}', out, re.M))


def optnone(name):
    m = re.search(r'^define [^@]*@%s\([^)]*\)([^{]*)\{' % name, out, re.M)
    return bool(m) and any('optnone' in attrs.get(g, '') for g in re.findall(r'#\d+', m.group(1)))


def int_mul_inline(f):
    return 'llvm.smul.with.overflow' in f


check(optnone('once') and not int_mul_inline(body('once')), 'a run-once def without a loop: no fast paths, optnone')
check(ways(body('main_once')) == 0 and 'gi.list' not in body('main_once'),
      'run-once code: no inline method-call ways, no inline subscript')
muls = body('once_loop').count('llvm.smul.with.overflow'), body('loop_twin').count('llvm.smul.with.overflow')
check(not optnone('once_loop') and 0 < muls[0] < muls[1],
      'a run-once def with a loop: fast paths in the loop only', '%d and %d inline multiplies' % muls)
check(optnone(r'Report\.summary'), 'a method only run-once code calls is run-once')
check(not optnone(r'Report\.__init__'), 'a dunder is never run-once (the runtime calls it)')
for name in ('in_loop', 'recursive', 'as_value', r'helpmod\.helper', r'Report\.hot'):
    check(not optnone(name) and int_mul_inline(body(name)), '%s keeps its fast paths' % name)
finish()
