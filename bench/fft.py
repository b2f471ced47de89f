# fft: numeric loops over array('d') items — radix-2 FFT forward and back.
# Item reads and writes of array('d') inside float expressions, the path
# scientific code in plain Python takes (scimark-style).
import sys
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


def main(rounds):
    n = 1024
    re = array('d', [((i * 7919) % 1000) / 1000.0 for i in range(n)])
    im = array('d', [0.0] * n)
    for _ in range(rounds):
        fft(re, im, -1)
        fft(re, im, 1)
        for i in range(n):
            re[i] /= n
            im[i] /= n
    print("fft %d rounds: %.6f %.6f" % (rounds, sum(re), re[1]))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
