# Loops whose int locals take the int fast copy (compiler/emit_int.c):
# overflow into big ints at the boundaries, floor division and modulo
# signs, shifts, ints mixed with floats and bools, a local that is
# sometimes an int and sometimes a str.


def grow(start, step, n):
    x = start
    i = 0
    out = []
    while i < n:
        x = x + step
        out.append(x)
        i += 1
    return out


print(grow(2**62 - 3, 1, 6))
print(grow(-2**62 + 2, -1, 5))
print(grow(2**63 - 2, 1, 3))
print(grow(-2**63 + 1, -1, 3))


def mul_chain(n):
    p = 1
    for k in range(1, n):
        p = p * k
        q = p * -3
    return p, q


print(mul_chain(25))


def divmods():
    res = []
    for a in range(-7, 8, 3):
        for b in (-3, -2, 2, 3):
            q = a // b
            r = a % b
            res.append((a, b, q, r))
    return res


print(divmods())


def div_zero(n):
    t = 0
    i = 5
    while i > -2:
        try:
            t = t + n // i
        except ZeroDivisionError as exc:
            print("caught", exc)
        i -= 1
    return t


print(div_zero(100))


def mod_zero():
    i = 3
    s = 0
    while i >= 0:
        s = s + 10 % i
        i -= 1
    return s


try:
    mod_zero()
except ZeroDivisionError as exc:
    print("mod:", exc)


def shifts():
    out = []
    x = 1
    for k in range(0, 70, 7):
        y = x << k
        z = y >> 3
        w = -5 >> k
        out.append((y, z, w))
    return out


print(shifts())


def neg_shift(k):
    x = 8
    i = 0
    while i < 2:
        x = x >> k
        i += 1
    return x


for k in (1, -1):
    try:
        print(neg_shift(k))
    except ValueError as exc:
        print("ValueError:", exc)


def lshift_overflow():
    v = 3
    i = 0
    while i < 4:
        v = v << 30
        i += 1
    return v


print(lshift_overflow())


def unary(n):
    a = n
    for _ in range(3):
        a = -a
        b = ~a
        c = +b
    return a, b, c


print(unary(2**62), unary(-2**62), unary(5))


def mixed(n):
    s = 0
    i = 0
    while i < n:
        s = s + i
        if i == 3:
            s = s + 0.5
        if i == 5:
            s = s + True
        i += 1
    return s


print(mixed(8))


def sometimes_str(n):
    x = 0
    i = 0
    out = []
    while i < n:
        if i % 3 == 2:
            x = "s" + str(i)
        else:
            x = i * 2
        out.append(x)
        i += 1
    return out


print(sometimes_str(7))


def compare_boundaries():
    big = 2**62
    out = []
    i = big - 2
    while i < big + 2:
        out.append((i < big, i == big - 1, i >= big))
        i += 1
    return out


print(compare_boundaries())


def fib_iter(n):
    a = 0
    b = 1
    i = 0
    while i < n:
        t = a + b
        a = b
        b = t
        i += 1
    return a


print(fib_iter(100), fib_iter(92), fib_iter(93))


def cond_chain(n):
    c = 0
    for i in range(n):
        if i % 2 == 0 and i * i > 10 or not i < 3:
            c += i
        elif i == 1:
            c -= 1
    return c


print(cond_chain(20))


def overflow_in_cond():
    i = 2**61
    n = 0
    while i * 4 > 0 and n < 3:
        n += 1
        i += 1
    return n, i


print(overflow_in_cond())


def unbound_first(n):
    out = []
    for i in range(n):
        if i > 0:
            out.append(last + i)
        last = i * i
    return out


print(unbound_first(5))


def unbound_error():
    i = 0
    while i < 2:
        if i == 1:
            del_me = 1
        i = i + del_me
    return i


try:
    unbound_error()
except UnboundLocalError as exc:
    print("UnboundLocalError:", exc)


def bool_mix():
    t = True
    n = 0
    for i in range(4):
        n = n + t
        t = i > 1
    return n, t


print(bool_mix())


def scale(k, n):
    # k is used as an int (`k * i`) but called with a float and a str too
    out = []
    i = 0
    while i < n:
        out.append(k * i)
        t = k + k if i > 1 else k
        i += 1
    return out, t


print(scale(3, 4), scale(1.5, 3), scale("ab", 3), scale(2**62, 3))


def count_down(n):
    while n > 0:
        n = n // 3 - 5
    return n


print(count_down(10), count_down(2**64), count_down(-1))
