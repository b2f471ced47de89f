# s += x on a local grows the string in place while no one else can see
# it; every alias made on the way must keep the value it had.


def build(n):
    s = ""
    seen = []
    for i in range(n):
        s += str(i % 10)
        if i % 7 == 0:
            seen.append(s)        # an alias: must not change afterwards
    return s, seen


s, seen = build(40)
print(s)
print(seen)


def aliases():
    s = "ab"
    t = s
    s += "cd"
    u = s
    s += "ef"
    d = {s: 1}
    s += "gh"
    return s, t, u, d, hash(s) == hash("abcdefgh")


print(aliases())


def self_ref(n):
    s = "x"
    for i in range(n):
        s += s[-1:] + str(i)
    return s


print(self_ref(12))


def widen():
    s = ""
    for c in ["a", "é", "b", "\u20ac", "c", "\U0001f600", "d"]:
        s += c * 3
        print(len(s), s, s.isascii())
    return s


w = widen()
print(w == "aaaééébbb€€€ccc😀😀😀ddd", w.upper())


def mixed(vals):
    acc = vals[0]
    for v in vals[1:]:
        acc += v
    return acc


print(mixed(["a", "b", "c"]), mixed([[1], [2], [3]]), mixed([1, 2.5, 3]), mixed([(1,), (2,)]))
try:
    mixed(["a", 1])
except TypeError as e:
    print("TypeError:", e)


def gen(n):
    s = ""
    for i in range(n):
        s += "<%d>" % i
        yield s


print(list(gen(4)))


def bytes_build(n):
    b = b""
    keep = []
    for i in range(n):
        b += b"%d," % i
        if i == 3:
            keep.append(b)
    b += b""
    return b, keep, len(b), b.upper()


print(bytes_build(8))


def param(s, n):
    for i in range(n):
        s += "."
    return s


base = "base"
print(param(base, 5), base)


def loop_alias():
    s = "q"
    out = []
    for i in range(5):
        s += "w"
        out.append(s)
        s += "e"
    return out, s


print(loop_alias())
