# a[i:j] = b[k:l:m] copies from b into a with no list in between when
# evaluating a, i and j cannot be observed; CPython's order (the slice of
# b first, then a, i, j) must show wherever it could be.
import gc


class Bump:
    """An int-like whose + changes a list before the target is resolved."""

    def __init__(self, n, victim):
        self.n = n
        self.victim = victim

    def __add__(self, k):
        self.victim.append(99)
        self.victim[0] = -1
        return self.n + k


class Idx:
    def __init__(self, n, victim=None):
        self.n = n
        self.victim = victim

    def __index__(self):
        if self.victim is not None:
            self.victim.reverse()
        gc.collect()
        return self.n


class Sub(list):
    def __setitem__(self, k, v):
        print("Sub.__setitem__", k, v)
        list.__setitem__(self, k, v)


class Src(list):
    def __getitem__(self, k):
        print("Src.__getitem__", k)
        return list.__getitem__(self, k)


def fused():
    out = []
    perm = list(range(10))
    for k in range(10):
        perm[:k + 1] = perm[k::-1]     # the same list on both sides
        out.append(perm[:])
    a = list(range(6))
    b = list("abcdefgh")
    a[1:3] = b[::2]                    # grows a
    out.append(list(a))
    a[2:] = b[5:1:-1]
    out.append(list(a))
    a[-2:-1] = b[-100:100:3]
    out.append(list(a))
    a[10**1:] = b[:0]
    out.append(list(a))
    a[:] = b[7::-2]
    out.append(list(a))
    lo, hi = 1, 4
    a[lo:hi] = b[hi:lo:-1]
    out.append(list(a))
    a[lo - 1:hi + 1] = b[1:2]          # shrinks a
    out.append(list(a))
    big = list(range(200))
    big[5:150] = big[199:0:-1]         # more items than the stack copy holds
    out.append((len(big), big[:8], big[-3:]))
    t = (1, 2, 3, 4)
    a[0:1] = t[::-1]                   # a tuple source
    out.append(list(a))
    s = "hello"
    a[0:2] = s[1:4]
    out.append(list(a))
    # the target's + runs code that changes the source: CPython took the
    # slice before it
    src = [1, 2, 3, 4, 5]
    k = Bump(1, src)
    dst = [0, 0, 0]
    dst[k + 1:] = src[::-1]
    out.append((dst, src))
    # bounds with __index__ on either side
    src = [1, 2, 3, 4, 5]
    dst = [0, 0, 0, 0]
    dst[Idx(1, src):Idx(2)] = src[Idx(0):Idx(3)]
    out.append((dst, src))
    # subclasses take their own methods
    d = Sub([1, 2, 3])
    d[0:1] = [7, 8][::-1]
    out.append(d)
    e = [1, 2, 3]
    e[1:2] = Src([4, 5, 6])[0:2]
    out.append(e)
    # a target that is not a list
    try:
        tt = (1, 2)
        tt[0:1] = b[0:1]
    except TypeError as ex:
        out.append("TypeError: %s" % ex)
    # errors of the source slice come first
    for bad in ("x", 1.5):
        try:
            a[0:1] = b[bad:]
        except TypeError as ex:
            out.append("TypeError: %s" % ex)
    try:
        a[0:1] = b[::0]
    except ValueError as ex:
        out.append("ValueError: %s" % ex)
    try:
        a[0:1] = 5 .__class__[1:2]
    except TypeError as ex:
        out.append("TypeError: %s" % ex)
    return out


def unbound_target():
    b = [1, 2, 3]
    try:
        c[0:1] = b[0:"x"]      # the source's TypeError, not the unbound c
    except TypeError as ex:
        print("TypeError:", ex)
    try:
        c[0:1] = b[0:1]
    except UnboundLocalError as ex:
        print("UnboundLocalError:", ex)
    c = []
    i = "s"
    try:
        c[i + "":] = b[:1]     # str + str: a TypeError from the list
    except TypeError as ex:
        print("TypeError:", ex)


def overflow():
    a = list(range(5))
    n = 2 ** 62 - 1            # n + 1 is a big int
    a[n + 1:] = a[:2]
    a[-n - 5:1] = a[3:][::-1]
    print(a)


for x in fused():
    print(x)
unbound_target()
overflow()
