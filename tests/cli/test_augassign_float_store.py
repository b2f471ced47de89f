"""`x[k] += v` into an array('d') with a float value stores the double in
place: a float tree's store is tried before the one-probe dict update
(compiler/emit_data.c, emit_augassign; emit_dictupd.c). With the dict
update tried first, the FFT butterfly's `re[a] += tr` (bench/fft.py's
kernel, below) took its generic way and boxed every double: 20 rounds
allocated 10.2 MiB; in place, 4.0 MiB. Measured with AITHON_STATS=1: a
count, not a timing.
"""

from _cli import build_program, check, finish, run_with_stats, stat

SRC = '''
from array import array
from math import sin, cos, pi


def fft(re, im, sign):
    n = len(re)
    j = 0
    for i in range(1, n):  # bit-reversal permutation
        bit = n >> 1
        while j & bit:
            j ^= bit
            bit >>= 1
        j |= bit
        if i < j:
            re[i], re[j] = re[j], re[i]
            im[i], im[j] = im[j], im[i]
    size = 2
    while size <= n:
        half = size // 2
        ang = sign * 2.0 * pi / size
        for k in range(half):
            wr = cos(ang * k)
            wi = sin(ang * k)
            for start in range(0, n, size):
                a = start + k
                b = a + half
                tr = re[b] * wr - im[b] * wi
                ti = re[b] * wi + im[b] * wr
                re[b] = re[a] - tr
                im[b] = im[a] - ti
                re[a] += tr
                im[a] += ti
        size *= 2


n = 1024
re = array('d', [((i * 7919) % 1000) / 1000.0 for i in range(n)])
im = array('d', [0.0] * n)
for _ in range(20):
    fft(re, im, -1)
    fft(re, im, 1)
    for i in range(n):
        re[i] /= n
        im[i] /= n
print(round(sum(re), 6), round(sum(im), 6))
'''

exe = build_program('augassign_float_store', SRC)
if exe:
    err = run_with_stats(exe, '511.144 -0.0\n')
    mib = stat(err, r'allocated ([0-9.]+) MiB', 'the bytes allocated')
    if mib is not None:
        check(mib < 6.5, 'under 6.5 MiB allocated for 20 rounds of FFT butterflies', '%.1f MiB' % mib)
finish()
