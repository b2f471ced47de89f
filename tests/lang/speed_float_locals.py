# Float locals kept unboxed across statements: a local assigned float
# trees keeps a double beside its slot while its last assignment took the
# fast way. Every other use must see exactly the value CPython's has,
# whatever the local holds by then.


def accumulate(xs):
    s = 0.0
    for x in xs:
        s += x * 0.5
    return s


print(accumulate([1.0, 2.0, 3.5]), accumulate([]), accumulate([1, 2, 3]))
print(accumulate([1.0, 2**70, 3.0]))
try:
    accumulate([1.0, "ab"])
except TypeError as e:
    print("TypeError:", e)


# the local turns into an int, a str, a user object mid-loop
class Acc:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Acc(self.v + other)

    def __mul__(self, other):
        return Acc(self.v * other)

    def __repr__(self):
        return "Acc(%r)" % (self.v,)


def morph(n):
    t = 0.0
    out = []
    for i in range(n):
        t = t * 0.5 + i
        if i == 2:
            t = 7
        elif i == 4:
            t = Acc(1.5)
        out.append(t)
    return t, out


print(morph(6))


def read_between(n):
    total = 1.0
    seen = []
    for i in range(n):
        total = total * 1.5 + 0.25
        seen.append(total)          # boxed here
        total -= 0.125              # then unboxed again
        seen.append(str(total))
    return total, seen


print(read_between(3))


def unbound(flag):
    if flag:
        u = 2.0
    u = u * 3.0 + 1.0
    return u


print(unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def deleted():
    d = 1.5
    d = d * 2.0 + 1.0
    del d
    try:
        print(d)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    d = 3.0
    d += 1.0
    return d


print(deleted())


def in_except(xs):
    acc = 0.0
    try:
        for x in xs:
            acc += 1.0 / x
    except ZeroDivisionError:
        print("partial", acc)
    return acc


print(in_except([1, 2, 4]), in_except([1, 2, 0, 4]))


def identity_and_types(n):
    x = 0.0
    for i in range(n):
        x = x + 1.5 * i
    y = x
    return x is y, type(x).__name__, x == y, repr(x), -x, x.is_integer(), hash(x) == hash(y)


print(identity_and_types(4))


# a float local used as an index or a container fails like CPython
def bad_index(seq):
    k = 0.0
    k = k * 2.0 + 1.0
    try:
        return seq[k]
    except TypeError as e:
        return "TypeError: %s" % e


print(bad_index([1, 2, 3]))


def bad_attr():
    p = 1.0
    p = p * 2.0 - 0.5
    try:
        return p.real * 2.0 + p.imag
    except AttributeError as e:
        return "AttributeError: %s" % e


print(bad_attr())


# nan, infinities and signed zeros survive unboxing
def specials():
    a = 0.0
    a = a * -1.0
    b = 1e308
    b = b * 10.0
    c = b - b
    return a, b, c, c == c, str(a), 1.0 / b


print(specials())


# a float local in a generator and across a yield
def gen(n):
    g = 0.5
    for i in range(n):
        g = g * 2.0 + 0.25
        yield g
        g -= 0.125


print(list(gen(4)))


# float returns of float locals
def mean(xs):
    m = 0.0
    for x in xs:
        m += x
    m = m / len(xs)
    return m


def spread(xs):
    mu = mean(xs)
    v = 0.0
    for x in xs:
        v += (x - mu) * (x - mu)
    return v / len(xs) + mean(xs) * 0.0


print(mean([1.0, 2.0, 4.0]), spread([1.0, 2.0, 4.0]), spread([1, 2, 4]))
try:
    mean([])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


# augmented assignment of a str to a float local and an in-place append
def strs(n):
    s = 0.0
    s += 1.5
    s = "a"
    for i in range(n):
        s += str(i)
    return s


print(strs(5))


# a float local captured by nothing but assigned through a loop target
def loop_target(xs):
    best = 0.0
    for best in xs:
        best = best * 2.0 + 0.5
    return best


print(loop_target([1.0, 2.0]), loop_target([3]), loop_target([]))


# big ints and ints that do not convert exactly stay exact
def big(n):
    z = 1.0
    z = z * 2.0 + 0.0
    z = n
    z = z * 3 + 1
    return z


print(big(2**80), big(3))


# x = y between float locals copies the double, or the boxed value
def copies(n):
    a = 0.0
    b = 0.5
    out = []
    for i in range(n):
        b = a * 2.0 + b
        a = b
        if i == 2:
            b = "str"
            a = b
            out.append(a)
            b = 1.0
            a = 0.25
        out.append(a)
    return a, b, out


print(copies(5))
