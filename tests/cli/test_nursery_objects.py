"""Objects of several sizes bump-allocated in the nursery (16-byte floats,
24-byte complex numbers, 24- to 80-byte tuples of compiled displays) stay
findable by the collector: with AITHON_GC_VERIFY=1 every collection walks
each nursery region and checks that every slot points to an object start.
A region closed before it was full ends in a zero tail; when the next one
started right after it, the two were once recorded as one span and the
walk stopped at the tail (a live tuple after it was freed).
"""

import os

from _cli import aithonc, check, finish, run, write

SRC = '''
def mk(n):
    out = []
    for i in range(n):
        out.append((i, -i, i % 7))
        if i % 3 == 0:
            out.append((i, complex(i, 1), i * 0.5, (i,), (i, i, i, i, i, i, i, i)))
    return out


def gen(n):
    for i in range(n):
        yield (i % 1000, -(i % 97), i)


data = mk(60000)
bad = [t for t in data if len(t) == 3 and t[1] != -t[0]]
evens = [r for r in gen(60000) if r[0] % 2 == 0]
print(len(data), len(bad), len(evens), sum(r[2] for r in evens) % 1000003)
'''

EXPECTED = '80000 0 30000 967303\n'

src = write('nursery_objects.py', SRC)
exe = os.path.join(os.path.dirname(src), 'nursery_objects')
rc, out, err = aithonc(src, '-o', exe)
if check(rc == 0, 'compiles', err):
    env = dict(os.environ, AITHON_GC_VERIFY='1', AITHON_GC_NURSERY='64k')
    env.pop('AITHON_GC_STRESS', None)
    rc, out, err = run([exe], env=env, timeout=300)
    check(rc == 0, 'runs under AITHON_GC_VERIFY=1', err[-400:])
    check(out == EXPECTED, 'output', repr(out))
finish()
