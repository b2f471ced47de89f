"""IR volume: checks the compiler proves unneeded leave no code.

- Definite assignment (compiler/defassign.c): a function whose every read
  of a local follows its assignment on all paths has no unbound-local
  check (no call of ai_raise_unbound_local) in `--emit-llvm -O0`; reads
  that may find the local unassigned keep theirs (one per such read).
"""

import re

from _cli import check, finish, run, write, AITHONC

SRC = '''
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


print(proven(4, [1, 0, 3]))
try:
    unproven(True, 0)
except UnboundLocalError as e:
    print(e)
'''

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
finish()
