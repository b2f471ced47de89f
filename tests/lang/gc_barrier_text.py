# Write barriers of the text types: str, bytes and bytearray methods
# that build tuples and lists while they allocate, results stored into
# containers made early in the program (old after the first collections),
# and old bytearrays grown in place. Run with AITHON_GC_STRESS=1 to have
# the collector check every old object before each minor collection.

slots = [None] * 16
table = {}
grid = [[0] * 4 for _ in range(4)]
ba_keep = bytearray(b"start:")
pairs = []


def put(i, v):
    slots[i % len(slots)] = v


# ---- str methods returning tuples and lists ----
for i in range(40):
    s = "key%d=val%d;x=%d" % (i, i * 3, i % 7)
    put(i, s.partition("="))
    put(i + 1, s.rpartition("="))
    put(i + 2, s.split(";"))
    put(i + 3, s.rsplit("=", 1))
    put(i + 4, s.split())
    put(i + 5, ("a b\nc d\r\ne" + str(i)).splitlines())
    put(i + 6, ("a b\nc d\r\ne" + str(i)).splitlines(True))
    put(i + 7, s.partition("#"))
    put(i + 8, s.rpartition("#"))
    put(i + 9, (" x %d  y " % i).rsplit())
    grid[i % 4][(i // 4) % 4] = s.upper().partition("=")[2]
    table[s[:5]] = (s.title(), s.swapcase(), s.casefold(), s.center(30, "*"))
    pairs.append((s.find("="), s.rfind("="), s.count("a"), s.index("k")))
print(slots)
print(grid)
print(sorted(table.items())[:3])
print(pairs[-3:])

words = []
for i in range(30):
    words.append("w%03d" % (i * 37 % 101))
joined = "-".join(words)
print(joined)
print(joined.split("-", 5))
print(joined.rsplit("-", 5))
print(",".join(reversed(words)).upper().lower()[:40])

# strip family, replace, expandtabs, zfill, just, format
acc = []
for i in range(25):
    t = "  \t<%s>\t  " % ("ab" * (i % 5))
    acc.append((t.strip(), t.lstrip(), t.rstrip(), t.strip(" \t<>")))
    acc.append(t.replace("ab", "XYZ", 2))
    acc.append(t.expandtabs(4))
    acc.append(str(i).zfill(6) + str(-i).zfill(5))
    acc.append(str(i).ljust(4, ".") + str(i).rjust(4, "_"))
    acc.append("{0}-{1!r}-{x:>5}".format(i, "q" * (i % 3), x=i * 11))
    acc.append("%s|%r|%5.2f|%x|%-4d|" % (str(i), "r" + str(i), i / 7, i * 255, i))
print(acc[-7:])
print(len(acc))

# maketrans / translate (dicts built in the runtime)
tr = str.maketrans("abc", "xyz", "d")
tr2 = str.maketrans({"e": "E", "f": None})
tl = []
for i in range(20):
    tl.append(("abcdef" * (i % 4 + 1)).translate(tr).translate(tr2))
print(tl[-2:])
print(sorted(tr.items()), sorted(tr2.items()))

# f-strings with nested formatting, into an old dict
fd = {}
for i in range(30):
    x = i * 1.5
    fd[f"k{i:03d}"] = f"{i!r:>4}|{x:8.3f}|{str(i) * 2:^8}|{[i, i + 1]}|{(i, str(i))}"
print(list(fd.values())[-3:])

# str iteration and comprehensions over characters
chars = {}
for i in range(20):
    for c in "h%dllo" % i:
        chars[c] = chars.get(c, "") + c
print(sorted(chars.items()))
print([c.upper() + c for c in "abc%d" % 42])
print({c: ord(c) for c in "xyz"})

# encode / decode
enc = []
for i in range(20):
    s = "caf\u00e9-%d-\u20ac" % i
    b = s.encode("utf-8")
    enc.append((b, b.decode("utf-8"), len(b)))
print(enc[-2:])

# ---- bytes and bytearray ----
bl = []
for i in range(30):
    b = b"alpha=%d;beta=%d" % (i, i * 2)
    bl.append(b.partition(b"="))
    bl.append(b.rpartition(b";"))
    bl.append(b.split(b";"))
    bl.append(b.rsplit(b"=", 1))
    bl.append(b.upper().replace(b"A", b"[a]"))
    bl.append((b.hex(), bytes.fromhex(b.hex())[:4]))
    bl.append(b" pad ".strip() + b.center(24, b"."))
    bl.append(list(b[:3]))
    ba_keep.extend(b[:2])
    ba_keep += bytes([65 + i % 26])
    ba_keep.append(48 + i % 10)
    if len(ba_keep) > 60:
        del ba_keep[6:20]
print(bl[-8:])
print(ba_keep)
ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"
ba.insert(0, 62)
ba.reverse()
print(ba, ba.pop(), ba.find(b"o"), bytes(ba).split())
print(b"-".join([bytes([x]) * 2 for x in range(97, 103)]))
print(bytearray(b"a,b,,c").split(b","), bytearray(b"xyz").partition(b"y"))
