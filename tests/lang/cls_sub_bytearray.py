# bytearray: += and *= change the object itself (other references see it);
# subclasses of bytearray with __init__, attributes, base-type results.
a = bytearray(b"x"); c = a; a += b"y"; print(c, a is c)
a *= 2; print(c, a is c)
a += bytearray(b"z"); print(c)
try:
    a += "s"
except TypeError as e:
    print(e)
try:
    a *= "s"
except TypeError as e:
    print(e)
a *= 0; print(c, a is c)
class Buf(bytearray):
    def __init__(self, *a, label="buf"):
        super().__init__(*a)
        self.label = label
    def hexdump(self):
        return self.hex(" ")
b = Buf(b"abc", label="x")
b.append(100)
b += b"ef"
b.extend([103])
print(b, repr(b), b.label, b.hexdump(), len(b), b[0], type(b[0:2]).__name__, type(b + b"x").__name__, type(b * 2).__name__, b == bytearray(b"abcdefg"), bytes(b), b.decode(), type(b.upper()).__name__, type(b.copy()).__name__)
b[0] = 65
del b[1]
b.insert(0, 33)
print(b, b.pop(), b.find(b"d"), b"d" in b, list(b)[:3], b.label, isinstance(b, bytearray), Buf(3), Buf("hé", "utf-8"), Buf([1, 2]))
class Plain(bytearray): pass
p = Plain(b"xy")
p.reverse()
print(p, Plain(), sorted(Plain(b"cab")), hash(b"x") == hash(bytes(Plain(b"x"))))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
