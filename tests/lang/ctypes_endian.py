# ctypes byte orders: BigEndianStructure/Union, __ctype_be__ types, bytes() of instances.
import ctypes
class B(ctypes.BigEndianStructure):
    _fields_=[('a', ctypes.c_uint16), ('b', ctypes.c_int32), ('c', ctypes.c_char*2), ('d', ctypes.c_uint32*2), ('e', ctypes.c_double)]
b = B.from_buffer_copy(bytes(range(32)))
print(B.a, B.b, B.c, B.d, b.a, b.b, b.c, list(b.d), b.e, type(B), ctypes.sizeof(B))
b.a = 0x1234; print(bytes(b)[:2], repr(b.a))
b.d[1] = 7; print(bytes(b)[16:20])
print(ctypes.LittleEndianStructure is ctypes.Structure, ctypes.BigEndianStructure.__mro__, type(ctypes.BigEndianStructure))
try:
    class C(ctypes.BigEndianStructure): _fields_=[('p', ctypes.POINTER(ctypes.c_int))]
except TypeError as e: print(e)
print(ctypes.c_int.__ctype_be__(5), ctypes.c_int.__ctype_be__(5).value, bytes(ctypes.c_int.__ctype_be__(5)), bytes(ctypes.c_int(5)))
class L(ctypes.LittleEndianStructure): _fields_=[('x', ctypes.c_int)]
print(type(L), L.x, L._fields_, B._fields_[0])
class U(ctypes.BigEndianUnion): _fields_=[('x', ctypes.c_uint32), ('b', ctypes.c_ubyte*4)]
u = U(); u.x = 0x01020304; print(list(u.b))
try:
    L._fields_ = []
except AttributeError as e: print(e)
print(bytes(ctypes.c_double(1.0)), bytes((ctypes.c_int * 2)(1, 2)))
