# abs() and len() of the builtins inline for small ints, exact lists and
# tuples; every other argument goes to the builtin.


class L(list):
    def __len__(self):
        return 42


class A:
    def __abs__(self):
        return "A.abs"

    def __len__(self):
        return 7


class T(tuple):
    pass


def f():
    out = []
    for v in (0, 5, -5, 2**62 - 1, -(2**62), -(2**62) + 1, 2**62, -(2**63), 10**30, -(10**30), -0.0, -2.5,
              True, False, A(), complex(3, -4)):
        out.append(abs(v))
    for v in ([], [1, 2], (), (1, 2, 3), L([1]), T((1, 2)), "héllo", b"ab", {1: 2}, {1, 2, 3}, range(10), A()):
        out.append(len(v))
    for bad in (3, None, 2.5):
        try:
            len(bad)
        except TypeError as e:
            out.append(str(e))
    try:
        abs("x")
    except TypeError as e:
        out.append(str(e))
    return out


print(f())


def shadow():
    abs = lambda v: "local abs"
    return abs(-3)


print(shadow())


def total(qs, c, row):
    n = 0
    for r in range(row):
        if abs(qs[r] - c) == row - r:
            n += 1
    return n + len(qs)


print(total([0, 2, 4, 1, 3], 2, 5), total([10**20, -(10**20)], 0, 2))
