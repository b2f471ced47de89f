# x // c and x % c with a literal divisor c (compiler/emit_intdiv.c):
# powers of two become mask and shift on the tagged word, other divisors
# a multiply, with Python's floor for negative operands; 0 and -1 take
# the general way. Both in int fast loops and in straight-line code,
# with bools, floats and big ints as operands, and big ints appearing in
# the middle of a loop.

XS = [0, 1, -1, 2, -2, 3, -3, 5, -5, 7, -7, 8, -8, 9, -9, 100, -100, 1023, -1025,
      2**62 - 1, -2**62, 2**62, -2**62 - 1, 2**63 + 5, -2**64 - 3, True, False]


def by_consts(x):
    return (x // 1, x % 1, x // 2, x % 2, x // 4, x % 4, x // 8, x % 8,
            x // 2**61, x % 2**61, x // 3, x % 3, x // 7, x % 7, x // 10, x % 10,
            x // -2, x % -2, x // -3, x % -3, x // -4, x % -4, x // -7, x % -7,
            x // -1, x % -1)


for x in XS:
    print(x, by_consts(x))

print(7.5 // 2, 7.5 % 2, -7.5 // 3, -7.5 % 3, 7.5 // -4, -0.0 % 2)


def zero(x):
    try:
        return x // 0
    except ZeroDivisionError as e:
        return "zdiv: " + str(e)


def zero_mod(x):
    try:
        return x % 0
    except ZeroDivisionError as e:
        return "zmod: " + str(e)


print(zero(5), zero_mod(-5), zero(2**70))


def loop_divs(lo, hi):
    # every statement a candidate for the fast copy
    acc = 0
    i = lo
    while i < hi:
        a = i // 2
        b = i % 2
        c = i // 3
        d = i % 3
        e = i // -4
        f = i % -4
        g = i // -5
        h = i % -5
        acc = acc + a * 3 + b * 5 + c * 7 + d * 11 + e * 13 + f * 17 + g * 19 + h * 23
        i += 1
    return acc, a, b, c, d, e, f, g, h


print(loop_divs(-50, 50))
print(loop_divs(2**62 - 10, 2**62 + 10))
print(loop_divs(-2**62 - 10, -2**62 + 10))


def collatz(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


print([collatz(k) for k in range(1, 30)])
# 3n+1 leaves the small ints in the middle of the loop and n // 2 comes back
print(collatz(2**62 - 1), collatz(2**61 + 1), collatz(2**80 + 7), collatz(True))


def halve_until(n, limit):
    # a deopt in the middle of the body: n * 4 overflows, k and n stay right
    k = 0
    j = 0
    while n % 8 != 7 and j < limit:
        n = n * 4 + 3
        k = k + n % 5
        n = n // 3
        j += 1
    return n, k, j


print(halve_until(2, 40), halve_until(-2, 40), halve_until(2**61, 5))


def digits(n):
    out = []
    while n > 0:
        out.append(n % 10)
        n = n // 10
    return out


print(digits(1234567890123), digits(2**62 + 12345), digits(10**30 + 1), digits(True))


def neg_digits(n):
    out = []
    k = 0
    while n != 0 and k < 30:
        out.append(n % -10)
        n = n // -10
        k += 1
    return out


print(neg_digits(987654321), neg_digits(-987654321))


def mixed(n):
    # n becomes a float midway: the generic copy divides floats
    r = []
    i = 0
    while i < 6:
        r.append((n // 4, n % 4, n // 3, n % 3))
        n = n - 5
        if i == 2:
            n = n + 0.5
        i += 1
    return r


print(mixed(9))


def var_mod(n, d):
    hits = 0
    while d < n:
        if n % d == 0:
            hits += 1
        d += 1
    return hits


print(var_mod(360, 1), var_mod(-360, 1), var_mod(2**62 - 2, 2**62 - 5))
try:
    print(var_mod(10, -3))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def divisors(n, lo, hi):
    # `n % d == 0` / `0 != n % d` with a variable d test the truncated
    # remainder: same answer for every sign
    out = []
    d = lo
    while d < hi:
        if d != 0 and 0 != n % d:
            d += 1
            continue
        if d != 0 and n % d == 0:
            out.append(d)
        d += 1
    return out


print(divisors(36, -40, 40), divisors(-36, -13, 13), divisors(True, -2, 3))
print(divisors(2**62 - 2, 2**61 - 3, 2**61 + 3), divisors(2**64, 2**62 - 2, 2**62 + 3))


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


print([k for k in range(-5, 60) if is_prime(k)], is_prime(2**31 - 1), is_prime(1000003 * 1000033))
