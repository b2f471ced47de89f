"""Float attributes live unboxed in their instance (float slots of a
shape, runtime/objects/shape.c): updating them from float trees, reading
them into float locals and comparing them allocates nothing. 100,000
points updated ten times made 48 MiB of float boxes before (three new
boxes per point and round), and every minor collection re-traced the old
points they were stored into. Measured with AITHON_STATS=1, which prints
the bytes allocated: a count, not a timing.
"""

import os
import re

from _cli import aithonc, check, finish, run, write

SRC = '''
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.z = 1.0

    def step(self, other):
        a = self.x
        self.x += 1.0
        self.y = self.y * 0.5 + a
        self.z /= 2.0
        return self.x > other.x


def main():
    ps = [P(i * 0.25, -i * 0.5) for i in range(100000)]
    n = 0
    for r in range(10):
        prev = ps[0]
        for p in ps:
            if p.step(prev):
                n += 1
            prev = p
    print(n, ps[7].x, ps[7].y, ps[7].z)


main()
'''

src = write('float_slots_alloc.py', SRC)
exe = os.path.join(os.path.dirname(src), 'float_slots_alloc')
rc, out, err = aithonc(src, '-o', exe)
if check(rc == 0, 'compiles', err):
    env = dict(os.environ, AITHON_STATS='1')
    env.pop('AITHON_GC_STRESS', None)
    rc, out, err = run([exe], env=env, timeout=120)
    check(rc == 0, 'runs', err[-400:])
    check(out == '999990 11.75 19.4970703125 0.0009765625\n', 'output', repr(out))
    m = re.search(r'allocated ([0-9.]+) MiB', err)
    if check(m is not None, 'AITHON_STATS prints the bytes allocated', err[-400:]):
        # the points themselves (88 bytes) and their list: about 12 MiB
        check(float(m.group(1)) < 20.0, 'no float boxes for attribute updates', m.group(0))
finish()
