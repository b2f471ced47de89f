# pidigits: the digits of pi by the unbounded spigot algorithm — big-int
# multiplication, addition and floor division.
import sys


def pidigits(n):
    out = []
    k, a, b, t, x = 0, 0, 1, 1, 1
    n1 = 4
    d = 3
    digits = 0
    line = []
    q, r = 1, 0
    nr, nt = 0, 1
    i = 0
    # Gibbons' streaming algorithm.
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    while digits < n:
        if 4 * q + r - t < m * t:
            line.append(str(m))
            digits += 1
            if len(line) == 10:
                out.append("".join(line) + "\t:%d" % digits)
                line = []
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    if line:
        out.append("".join(line) + " " * (10 - len(line)) + "\t:%d" % digits)
    return out


lines = pidigits(int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
print(lines[-1])
print(sum(int(c) for l in lines for c in l.split("\t")[0] if c != " "))
