# ctypes bit fields: CPython 3.11's layout (GCC rules, _pack_, big-endian), values
# sign-extended or masked as its GET_BITFIELD/SET macros do.
import ctypes
from ctypes import *
class F(Structure):
    _fields_ = [("a", c_uint, 3), ("b", c_int, 5), ("c", c_ubyte, 4), ("d", c_ushort, 12), ("e", c_int), ("f", c_long, 40), ("g", c_long, 30)]
print(sizeof(F), alignment(F), F.a, F.b, F.c, F.d, F.e, F.f, F.g, F.a.size, F.b.offset)
x = F()
x.a = 5; x.b = -3; x.c = 15; x.d = 4095; x.e = -1; x.f = -(2**39); x.g = 2**29 + 1
print(x.a, x.b, x.c, x.d, x.e, x.f, x.g, bytes(x).hex())
x.a = 9; x.b = 16; print(x.a, x.b)
class G(Structure):
    _fields_ = [("x", c_ubyte, 4), ("y", c_ushort, 10), ("z", c_uint, 20)]
print(sizeof(G), G.x, G.y, G.z)
class P(Structure):
    _pack_ = 1
    _fields_ = [("a", c_char), ("b", c_uint, 4), ("c", c_uint, 30)]
print(sizeof(P), P.b, P.c)
class B(BigEndianStructure):
    _fields_ = [("hi", c_ushort, 4), ("lo", c_ushort, 12)]
b = B(); b.hi = 0xA; b.lo = 0xBCD; print(bytes(b).hex(), B.hi, B.lo, b.hi, b.lo)
class U(Union):
    _fields_ = [("w", c_uint), ("lo", c_uint, 8)]
u = U(); u.w = 0x1234; print(u.lo, sizeof(U))
for bad in [[("q", c_double, 3)], [("q", c_int, 0)], [("q", c_int, 33)], [("q", 5)], [5]]:
    try:
        class Bad(Structure): _fields_ = bad
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try:
    F._fields_ = []
except AttributeError as e: print(e)
