# ctypes memory: simple types, arrays, pointers, cast, buffers, sizes.
import ctypes
from ctypes import (c_int, c_uint, c_long, c_ulong, c_longlong, c_ulonglong, c_short,
                    c_ushort, c_byte, c_ubyte, c_size_t, c_ssize_t, c_double, c_float,
                    c_char, c_char_p, c_wchar, c_wchar_p, c_void_p, c_bool, c_int8, c_uint8,
                    c_int16, c_uint16, c_int32, c_uint32, c_int64, c_uint64, sizeof,
                    alignment, byref, pointer, POINTER, cast, addressof)

simple = [c_int, c_uint, c_long, c_ulong, c_longlong, c_ulonglong, c_short, c_ushort,
          c_byte, c_ubyte, c_size_t, c_ssize_t, c_double, c_float, c_char, c_void_p,
          c_bool, c_wchar, c_int8, c_uint8, c_int16, c_uint16, c_int32, c_uint32, c_int64,
          c_uint64, c_char_p, c_wchar_p]
for t in simple:
    print(t.__name__, sizeof(t), alignment(t), repr(t()) if t not in (c_char_p, c_wchar_p) else t().value)

print(c_int(5), c_double(1.5), c_float(0.1), c_char(b"x"), c_char(65), c_bool(3), c_wchar("z"))
print(c_int(2 ** 40), c_byte(300), c_ubyte(-1), c_short(70000), c_ulong(-1), c_uint(-1))
print(c_void_p(None), c_void_p(16), c_char_p(b"hi").value, c_wchar_p("h\u00e9").value)
print(bool(c_int(0)), bool(c_int(7)), bool(c_double(0.0)))

x = c_int(10)
x.value += 5
print("value:", x.value, x)
for bad in ("x", 1.5, None):
    try:
        c_int(bad)
    except TypeError as e:
        print("c_int:", e)
for t, bad in ((c_char, "x"), (c_char, 300), (c_wchar, "xy"), (c_double, "x"),
               (c_char_p, "x"), (c_wchar_p, b"x"), (c_void_p, 1.5)):
    try:
        t(bad)
    except TypeError as e:
        print(t.__name__ + ":", e)

class MyInt(c_int):
    pass
print(repr(MyInt(3)).startswith("<MyInt object at"), MyInt(3).value)

# arrays
IntArray5 = c_int * 5
a = IntArray5(5, 1, 4)
print(IntArray5.__name__, len(a), sizeof(a), list(a), a[0], a[-1], a[1:3], a[::2])
a[3] = 9
a[-1] = -1
print(list(a), [v * 2 for v in a])
a[0:2] = [7, 8]
print(list(a))
for bad in (5, -6):
    try:
        a[bad]
    except IndexError as e:
        print("IndexError:", e)
try:
    IntArray5(1, 2, 3, 4, 5, 6)
except IndexError as e:
    print("IndexError:", e)
print((c_int * 5) is IntArray5, type(c_double * 3).__name__)
grid = ((c_int * 3) * 2)((1, 2, 3), (4, 5, 6))
print(sizeof(grid), [list(row) for row in grid], grid[1][2])
d = (c_double * 3)(0.5, 1.5, 2.5)
print(list(d), sum(d))

# string buffers
buf = ctypes.create_string_buffer(b"hello", 10)
print(type(buf).__name__, sizeof(buf), buf.value, buf.raw, buf[1], buf[0:3])
buf.value = b"hi"
print(buf.value, buf.raw)
buf[0] = b"H"
print(buf.value)
try:
    buf.value = b"way too long for this"
except ValueError as e:
    print("ValueError:", e)
print(ctypes.create_string_buffer(3).raw, sizeof(ctypes.create_string_buffer(b"abc")))
u = ctypes.create_unicode_buffer("caf\u00e9")
print(sizeof(u), len(u), u.value, u[3])

# pointers
i = c_int(42)
p = pointer(i)
print(type(p).__name__, type(p) is POINTER(c_int), p.contents, p[0], p.contents.value)
p[0] = 43
print(i.value)
p.contents.value = 44
print(i.value, bool(p), bool(POINTER(c_int)()))
q = POINTER(c_int)()
try:
    q.contents
except ValueError as e:
    print("ValueError:", e)
q.contents = c_int(3)
print(q[0])
arr = (c_int * 4)(10, 20, 30, 40)
pa = cast(arr, POINTER(c_int))
print(pa[0], pa[3], pa[1:3])
pp = pointer(p)
print(pp.contents.contents.value, pp[0][0])

# addresses, byref, cast, memmove
print(addressof(arr) == cast(arr, c_void_p).value, addressof(i) == addressof(p.contents))
v = cast(pa, c_void_p)
print(cast(v, POINTER(c_int))[2])
cp = cast(buf, c_char_p)
print(cp.value)
src = (c_ubyte * 4)(1, 2, 3, 4)
dst = (c_ubyte * 4)()
ctypes.memmove(dst, src, 4)
print(list(dst), ctypes.string_at(src, 4), ctypes.string_at(ctypes.create_string_buffer(b"zz")))
ctypes.memset(dst, 7, 2)
print(list(dst))
print(c_int.from_buffer_copy(b"\x01\x00\x00\x00").value, (c_ubyte * 2).from_buffer(bytearray(b"\x05\x06"))[1])
f = c_double.from_address(addressof(d) + 8)
print(f.value)
f.value = 9.0
print(d[1])
try:
    cast(1.5, c_void_p)
except ctypes.ArgumentError as e:
    print("ArgumentError:", e)
try:
    cast(p, c_int)
except TypeError as e:
    print("TypeError:", e)
for fn in (sizeof, ctypes.byref, addressof, pointer):
    try:
        fn(5)
    except TypeError as e:
        print(fn.__name__ + ":", e)

# copies (through __reduce__, as pickle would) own fresh memory
import copy
a = c_int(5)
b = copy.copy(a)
b.value = 7
print(a, b)


class P(ctypes.Structure):
    _fields_ = [("x", c_int), ("y", c_double * 2)]


p = P(3, (1.0, 2.0))
q = copy.deepcopy(p)
q.x = 9
q.y[1] = 5.0
print(p.x, q.x, list(p.y), list(q.y))
try:
    copy.copy(c_char_p(b"x"))
except ValueError as e:
    print("ValueError:", e)
arr = (c_int * 2)(1, 2)
c = copy.copy(arr)
c[0] = 5
print(list(arr), list(c))

# resize: an instance that owns its memory can grow it
grow = ctypes.create_string_buffer(b"ab", 4)
ctypes.resize(grow, 8)
print(sizeof(grow), grow.raw, grow.value, len(grow))
n = c_int(3)
ctypes.resize(n, 16)
print(sizeof(n), n.value)
for args in [(c_int(), 2), (5, 8), (c_int.from_buffer(bytearray(4)), 8)]:
    try:
        ctypes.resize(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
