# ctypes callbacks: CFUNCTYPE prototypes wrapping Python functions as C
# function pointers (libffi closures), called by libc and from Python.
import ctypes
import ctypes.util
from ctypes import CFUNCTYPE, POINTER, c_int, c_double, c_void_p, c_char_p, c_size_t, sizeof, cast

libc = ctypes.CDLL(ctypes.util.find_library("c"))

CMPFUNC = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
print(CMPFUNC.__name__, CMPFUNC is CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int)))

calls = []


def py_cmp(a, b):
    calls.append(1)
    return a[0] - b[0]


cmp = CMPFUNC(py_cmp)
values = [31, 4, 15, 9, 26, 5, 35, 8, 97, 93]
arr = (c_int * len(values))(*values)
libc.qsort.argtypes = [c_void_p, c_size_t, c_size_t, CMPFUNC]
libc.qsort.restype = None
print(libc.qsort(arr, len(arr), sizeof(c_int), cmp))
print("sorted:", list(arr), "comparisons made:", len(calls) > 0)

# descending, with a lambda and the comparison written through .contents
libc.qsort(arr, len(arr), sizeof(c_int), CMPFUNC(lambda a, b: b.contents.value - a.contents.value))
print("descending:", list(arr))

# sorting doubles through void pointers
DCMP = CFUNCTYPE(c_int, c_void_p, c_void_p)


def dcmp(pa, pb):
    a = cast(pa, POINTER(c_double))[0]
    b = cast(pb, POINTER(c_double))[0]
    return (a > b) - (a < b)


ds = (c_double * 5)(2.5, -1.0, 3.75, 0.0, 1.25)
try:
    libc.qsort(ds, 5, sizeof(c_double), DCMP(dcmp))
except ctypes.ArgumentError as e:
    print("ArgumentError:", e)
try:
    libc.qsort(ds, 5, sizeof(c_double), dcmp)
except ctypes.ArgumentError as e:
    print("ArgumentError:", e)
libc.qsort.argtypes = [c_void_p, c_size_t, c_size_t, DCMP]
libc.qsort(ds, 5, sizeof(c_double), DCMP(dcmp))
print("doubles:", list(ds))

# bsearch returns a pointer into the array
libc.bsearch.restype = c_void_p
libc.bsearch.argtypes = [c_void_p, c_void_p, c_size_t, c_size_t, CMPFUNC]
sorted_arr = (c_int * 6)(1, 3, 5, 7, 9, 11)
key = c_int(7)
hit = libc.bsearch(ctypes.byref(key), sorted_arr, 6, sizeof(c_int), CMPFUNC(py_cmp))
print("bsearch index:", (hit - ctypes.addressof(sorted_arr)) // sizeof(c_int))
miss = libc.bsearch(ctypes.byref(c_int(4)), sorted_arr, 6, sizeof(c_int), CMPFUNC(py_cmp))
print("bsearch miss:", miss)

# calling a callback from Python goes through C too
SQUARE = CFUNCTYPE(c_double, c_double)
square = SQUARE(lambda x: x * x)
print("square:", square(1.5), square(3))
ADD = CFUNCTYPE(c_int, c_int, c_int)
add = ADD(lambda a, b: a + b)
print("add:", add(2, 40), add(-5, 5))
GREET = CFUNCTYPE(c_int, c_char_p)
seen = []
greet = GREET(lambda s: seen.append(s) or len(s))
print("greet:", greet(b"hello"), seen)
VOID = CFUNCTYPE(None, c_int)
void_cb = VOID(lambda n: seen.append(n))
print("void:", void_cb(12), seen)

# a C function pointer taken from the library and called through a prototype
strlen_addr = cast(libc.strlen, c_void_p).value
STRLEN = CFUNCTYPE(c_size_t, c_char_p)
print("strlen via prototype:", STRLEN(strlen_addr)(b"twelve chars"))

# structures by value into a callback
class Pair(ctypes.Structure):
    _fields_ = [("n", c_int), ("scale", c_double)]


SCALE = CFUNCTYPE(c_double, Pair, c_int)
scale = SCALE(lambda p, k: p.n * k * p.scale)
print("struct arg:", scale(Pair(3, 0.5), 4))
try:
    CFUNCTYPE(Pair, c_int)(lambda n: Pair(n, 1.0))
except TypeError as e:
    print("TypeError:", e)
