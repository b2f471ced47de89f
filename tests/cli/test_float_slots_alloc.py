"""Float attributes live unboxed in their instance (float slots of a
shape, runtime/objects/shape.c): updating them from float trees, reading
them into float locals and comparing them allocates nothing. 100,000
points updated ten times made 48 MiB of float boxes before (three new
boxes per point and round), and every minor collection re-traced the old
points they were stored into. Measured with AITHON_STATS=1, which prints
the bytes allocated: a count, not a timing.
"""

from _cli import build_program, check, finish, run_with_stats, stat

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

exe = build_program('float_slots_alloc', SRC)
if exe:
    err = run_with_stats(exe, '999990 11.75 19.4970703125 0.0009765625\n')
    mib = stat(err, r'allocated ([0-9.]+) MiB', 'the bytes allocated')
    if mib is not None:
        # the points themselves (88 bytes) and their list: about 12 MiB
        check(mib < 20.0, 'no float boxes for attribute updates', '%.1f MiB' % mib)
finish()
