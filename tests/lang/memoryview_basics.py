# memoryview over bytes and bytearray: items, slices (with steps), writes
# through to a bytearray, cast to other formats, release, hashing, and
# the bytes-like uses (join, concatenation, int.from_bytes, struct).
data = bytearray(b"hello world")
mv = memoryview(data)
print(len(mv), mv[0], mv[-1], mv.nbytes, mv.readonly, mv.format, mv.itemsize, mv.ndim, mv.shape, mv.strides)
print(mv[1:5].tobytes(), bytes(mv[6:]), mv[::2].tobytes(), mv[::-1].tobytes())
mv[0] = ord("H")
mv[6:11] = b"WORLD"
print(data)
print(mv.tolist()[:5], mv.hex(), mv[:3].hex(":"))
print(mv == b"Hello WORLD", mv == bytearray(b"x"), mv != b"Hello WORLD")
ro = memoryview(b"abcdef")
print(ro.readonly, hash(ro) == hash(b"abcdef"), ro.obj)
try:
    ro[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    mv[0] = 300
except ValueError as e:
    print("ValueError:", e)
try:
    mv[0:2] = b"abc"
except ValueError as e:
    print("ValueError:", e)
try:
    mv[20]
except IndexError as e:
    print("IndexError:", e)
try:
    hash(mv)
except ValueError as e:
    print("ValueError:", e)
try:
    memoryview(12)
except TypeError as e:
    print("TypeError:", e)
ints = memoryview(bytearray(range(16))).cast("I")
print(len(ints), ints.format, ints.itemsize, ints.tolist(), ints.cast("B")[:4].tolist())
ints[0] = 0xdeadbeef
print(ints[0], hex(ints[0]), bytes(ints)[:4])
try:
    memoryview(b"abc").cast("I")
except TypeError as e:
    print("TypeError:", e)
d = memoryview(bytearray(16)).cast("d")
d[1] = 2.5
print(d.tolist())
with memoryview(b"xyz") as m:
    print(m.tobytes(), m[1])
try:
    m.tobytes()
except ValueError as e:
    print("ValueError:", e)
print(b"".join([memoryview(b"ab"), b"cd"]), bytearray(memoryview(b"q")), b"--" + memoryview(b"z"))
print(list(memoryview(b"\x01\x02")), [x for x in memoryview(b"ab").cast("c")])
print(int.from_bytes(memoryview(b"\x01\x00"), "little"), str(memoryview(b"hi"), "ascii"))
print(memoryview(b"abc")[1:].tobytes().decode(), isinstance(mv, memoryview), type(mv).__name__)
import struct
print(struct.unpack("<HH", memoryview(b"\x01\x00\x02\x00")))
print(memoryview(b"abc") in [b"abc"], repr(mv).startswith("<memory at 0x"))
