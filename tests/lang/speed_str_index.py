# s[i] inline on an exact one-byte str: the cached one-character string,
# for every index sign, the bounds, every byte value (the cache filled on
# first use), and what takes the runtime's way: wide strings, str
# subclasses, bools and other index types, out of range, lists/tuples/
# dicts/user classes at the same site.


def at(s, i):
    return s[i]


def scan(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == " ":
            out.append("_")
        elif c.isalpha():
            out.append(c.upper())
        else:
            out.append(c)
        i += 1
    return "".join(out)


class S(str):
    def __getitem__(self, i):
        return "S" + str.__getitem__(self, i)


class Seq:
    def __getitem__(self, i):
        return ("Seq", i)


def err(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


text = "ab c\xe9\xff\x00\x7f"
for i in range(-len(text), len(text)):
    print(i, repr(at(text, i)), at(text, i) is text[i], ord(at(text, i)))
allbytes = "".join(chr(b) for b in range(256))
print(sum(ord(at(allbytes, b)) for b in range(256)), all(at(allbytes, b) is chr(b) for b in range(256)))
print(scan("hello world, caf\xe9 42!"))
err(at, text, len(text))
err(at, text, -len(text) - 1)
err(at, "", 0)
err(at, text, 2**70)
err(at, text, "1")
err(at, text, 1.0)
err(at, text, None)
print(repr(at(text, True)), repr(at(text, False)))
print(repr(at("\u4e2d\u6587x", 0)), repr(at("\u4e2d\u6587x", -1)), repr(at("\U0001f600y", 1)))
print(repr(at(S("xyz"), 1)), repr(at([1, 2, 3], -1)), repr(at((4, 5), 0)), repr(at({0: "d"}, 0)), at(Seq(), 3))
print(repr(at(text, slice(1, 3))), repr(at(b"bytes", 1)), repr(at(bytearray(b"ba"), 0)))
