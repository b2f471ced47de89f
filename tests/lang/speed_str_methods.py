# The fast ways of str methods in text loops: split() and splitlines() on
# one-byte strings (every whitespace and line break of Latin-1), lower()
# and upper() on ASCII, the inline argument check of str methods (and
# the errors of the full one), str == and dict keys compared 8 bytes at a
# time (every length up to past 24, a difference at every position), and
# method call sites that meet builtin, subclass and user receivers.


def show(label, v):
    print(label, repr(v))


# ---- split / splitlines ------------------------------------------------
spaces = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0"
for ch in spaces:
    show("split %r" % ch, ("a" + ch + "bc" + ch + ch + "d").split())
show("not space", "a\x1bb\x80c\xa1d\x84e\x86f".split())
show("empty", "".split())
show("blank", " \t\n ".split())
show("edges", "  lead and trail  ".split())
show("one", "x".split())
show("singles", "a b c d".split())
show("maxsplit0", "  a b  c ".split(maxsplit=0))
show("maxsplit1", "  a b  c ".split(None, 1))
show("maxsplit big", " a b c ".split(None, 2))
show("maxsplit -1", " a b c ".split(None, -1))
show("rsplit", "  a b  c ".rsplit(None, 1))
show("latin1", "caf\xe9 na\xefve\xa0\xfcber".split())
show("wide", "\u4e2d\u6587 \u2000x\u3000y\u2028z".split())
show("astral", "\U0001f600 a\u2003b".split())
show("sep", "a,,b,".split(","))
words = "".join("word%d " % i for i in range(300)).split()
show("many", (len(words), words[-1]))

for text in ["a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\x1fk",
             "", "\n", "x\n\n", "\r\n\r\n", "caf\xe9\nna\xefve\x85end",
             "wide\u2028line\u2029two\nthree"]:
    show("lines", text.splitlines())
    show("keep", text.splitlines(True))
    show("keepkw", text.splitlines(keepends=True))

# ---- lower / upper -----------------------------------------------------
edge = "@AZ[`az{09 _~\x7f"
show("lower", edge.lower())
show("upper", edge.upper())
show("lower mixed", "HeLLo WoRLD".lower())
show("upper mixed", "HeLLo WoRLD".upper())
show("lower empty", "".lower())
show("non-ascii", ("\xc9T\xc9", "stra\xdfe".upper(), "\u0130".lower(), "\u03a3\u039f\u03a3".lower()))
show("others", ("ab cD".swapcase(), "ab cD".title(), "ab cD".capitalize(), "ab cD".casefold()))
s = "Same"
t = s.lower()
show("new object", (t, t == "same", s.upper() == "SAME"))

# ---- argument checks ---------------------------------------------------
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


err(lambda: "abc".lower(1))
err(lambda: "abc".upper(None))
err(lambda: "abc".strip(".", ","))
err(lambda: "abc".strip(chars="."))
err(lambda: "abc".strip(1))
err(lambda: "abc".split(",", 1, 2))
err(lambda: "abc".split(sep=",", bogus=1))
err(lambda: "abc".split(1))
err(lambda: "abc".split(""))
err(lambda: "abc".startswith())
err(lambda: "abc".join())
err(lambda: "abc".partition())
err(lambda: "abc".splitlines(1.5))
err(lambda: "abc".find())
show("split kw", "a,b,c".split(sep=",", maxsplit=1))
show("strip none", "  x  ".strip(None))
show("strip chars", ".,word,.".strip(".,"))
show("find", ("abcabc".find("c"), "abcabc".find("c", 3), "abcabc".find("c", 3, 5)))

# ---- == and dict keys --------------------------------------------------
base = "abcdefghijklmnopqrstuvwxyz0123"
for n in range(0, 29):
    a = base[:n]
    b = "".join(list(a))  # equal, another object
    same = a == b and b == a
    diffs = []
    for i in range(n):
        c = a[:i] + ("#" if a[i] != "#" else "$") + a[i + 1:]
        diffs.append(a == c or c == a)
    longer = a == a + "x"
    print(n, same, any(diffs), longer)

d = {}
for n in range(0, 29):
    for i in range(n):
        k = base[:i] + "!" + base[i + 1:n]
        d[k] = d.get(k, 0) + 1
        d["".join(list(k))] += 1
print(len(d), sum(d.values()), min(d.values()), max(d.values()))
wide = {"\u4e2d" * n: n for n in range(20)}
print(["\u4e2d" * n in wide for n in (0, 7, 19, 20)], "\u4e2d\u4e2e" in wide)
lat = {"\xe9" * n: n for n in range(20)}
print(sum(lat["".join(["\xe9"] * n)] for n in range(20)), "\xe9" * 8 == "\xe8" + "\xe9" * 7)


# ---- method call sites with mixed receivers ----------------------------
class Shout(str):
    def lower(self):
        return "shout:" + str.lower(self)


class Plain(str):
    pass


class Thing:
    def lower(self):
        return "thing"

    def get(self, k, d=None):
        return ("thing.get", k, d)


def low(x):
    return x.lower()


def get(m, k):
    return m.get(k, 0)


for x in ["ABC", Shout("ABC"), "Def", Plain("XyZ"), Thing(), b"BYTES", "G\xc9H", bytearray(b"Q")]:
    show("low", low(x))
for m in [{"a": 1}, Thing(), {"b": 2}, {}]:
    show("get", get(m, "a"))
try:
    low(5)
except AttributeError as e:
    print("AttributeError:", e)
show("fromkeys", {}.fromkeys("ab", 0))
