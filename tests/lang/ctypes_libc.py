# ctypes over libc and libm: loading, argtypes/restype, strings, errors.
import ctypes
import ctypes.util

libc_name = ctypes.util.find_library("c")
libm_name = ctypes.util.find_library("m")
print("find_library:", libc_name, libm_name, ctypes.util.find_library("surely_not_a_library"))

libc = ctypes.CDLL(libc_name)
print("name:", libc._name, "handle set:", libc._handle != 0)
print(ctypes.cdll.LoadLibrary(libc_name)._name)

# default restype is c_int; bytes go as char *
print("strlen:", libc.strlen(b"hello, world"))
print("strlen item:", libc["strlen"](b"abc"))
print("same function object:", libc.strlen is libc.strlen)
print("name:", libc.strlen.__name__, libc.strlen.restype, libc.strlen.argtypes)
print("abs:", libc.abs(-42), libc.abs(17))
print("labs:", libc.labs(-(2 ** 31)))

# restype / argtypes
libc.strtol.restype = ctypes.c_long
libc.strtol.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int]
print("strtol:", libc.strtol(b"ff", None, 16), libc.strtol(b"-1234567890123", None, 10))
end = ctypes.c_char_p()
print("strtol end:", libc.strtol(b"123abc", ctypes.byref(end), 10), end.value)

libc.strchr.restype = ctypes.c_char_p
libc.strchr.argtypes = [ctypes.c_char_p, ctypes.c_int]
print("strchr:", libc.strchr(b"key=value", ord("=")), libc.strchr(b"novalue", ord("=")))

libc.toupper.argtypes = [ctypes.c_int]
print("toupper:", "".join(chr(libc.toupper(c)) for c in b"shout"))

# the program itself
me = ctypes.CDLL(None)
print("CDLL(None) getpid ok:", me.getpid() > 0)

# libm
libm = ctypes.CDLL(libm_name)
libm.cos.restype = ctypes.c_double
libm.cos.argtypes = [ctypes.c_double]
print("cos:", libm.cos(0.0), round(libm.cos(3.141592653589793), 12), libm.cos(1))
libm.pow.restype = ctypes.c_double
libm.pow.argtypes = (ctypes.c_double, ctypes.c_double)
print("pow:", libm.pow(2, 10), libm.pow(2.5, 2))
libm.sqrtf.restype = ctypes.c_float
libm.sqrtf.argtypes = [ctypes.c_float]
print("sqrtf:", libm.sqrtf(2.0))

# printf-style varargs: sprintf into a buffer
buf = ctypes.create_string_buffer(64)
n = libc.sprintf(buf, b"%d-%s-%.2f", 7, b"x", ctypes.c_double(2.5))
print("sprintf:", n, buf.value)

# errors, worded as CPython's
try:
    ctypes.CDLL("libnope.so")
except OSError as e:
    print("OSError:", e)
try:
    libc.no_such_function_here
except AttributeError as e:
    print("AttributeError:", str(e).split(":", 1)[1])
try:
    libc.strchr(42, 1)
except ctypes.ArgumentError as e:
    print("ArgumentError:", e)
try:
    libc.strchr(b"x")
except TypeError as e:
    print("TypeError:", e)
try:
    libc.abs(1.5)
except ctypes.ArgumentError as e:
    print("ArgumentError:", e)
try:
    libc.abs(2 ** 70)
except ctypes.ArgumentError as e:
    print("ArgumentError:", e)
try:
    libc.strlen.argtypes = [5]
except TypeError as e:
    print("TypeError:", e)
try:
    libc.strlen.restype = 5
except TypeError as e:
    print("TypeError:", e)
print(issubclass(ctypes.ArgumentError, Exception))

# use_errno: ctypes keeps its own errno, swapped with C's around the call
import os
lib = ctypes.CDLL(libc_name, use_errno=True)
lib.close.argtypes = [ctypes.c_int]
print("close(-1):", lib.close(-1), ctypes.get_errno(), os.strerror(ctypes.get_errno()))
print("set_errno:", ctypes.set_errno(0), ctypes.get_errno())

# long double goes through libffi; values come back as floats
libm.sqrtl.restype = ctypes.c_longdouble
libm.sqrtl.argtypes = [ctypes.c_longdouble]
print("sqrtl:", libm.sqrtl(2.0), ctypes.c_longdouble(0.25), ctypes.sizeof(ctypes.c_longdouble))
