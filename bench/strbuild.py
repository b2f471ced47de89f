# string building: += in loops, f-strings, str.join and split, str(int)
# and repr(float), as programs that write reports do.
import sys


def build_plus(n):
    s = ""
    for i in range(n):
        s += "item" + str(i) + ";"
    return s


def build_fstring(n):
    parts = []
    for i in range(n):
        x = i * 0.5
        parts.append(f"{i:5d}|{x!r}|{i % 7}")
    return "\n".join(parts)


def build_bytes(n):
    b = b""
    for i in range(n):
        b += b"%d," % (i % 1000)
    return b


def roundtrip(s):
    fields = s.split(";")
    return ",".join(f.upper() for f in fields if f)


def main(n):
    a = build_plus(n)
    b = build_fstring(n)
    c = roundtrip(a)
    d = build_bytes(n // 6)
    h = 0
    for ch in c[::97]:
        h = (h * 131 + ord(ch)) % 1000000007
    print(len(a), len(b), len(c), len(d), h)
    print(b[-60:])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 300000)
