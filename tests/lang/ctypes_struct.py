# ctypes structures and unions: layout, fields, nesting, passing to libc.
import ctypes
import ctypes.util
from ctypes import (Structure, Union, c_int, c_long, c_char, c_double, c_short, c_ubyte,
                    c_uint32, c_char_p, c_void_p, sizeof, alignment, byref, pointer, POINTER)

libc = ctypes.CDLL(ctypes.util.find_library("c"))


class Point(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]


class Rect(Structure):
    _fields_ = [("top_left", Point), ("bottom_right", Point), ("name", c_char * 8)]


class Mixed(Structure):
    _fields_ = [("a", c_char), ("b", c_double), ("c", c_short), ("d", c_char)]


class Packed(Structure):
    _pack_ = 1
    _fields_ = [("a", c_char), ("b", c_int), ("c", c_short)]


print(sizeof(Point), alignment(Point), sizeof(Rect), sizeof(Mixed), alignment(Mixed), sizeof(Packed))
print(Point.x, Point.y, Mixed.b, Mixed.d, Packed.b)
print(Point.x.offset, Point.y.offset, Point.y.size, Rect.name.offset)

p = Point(3, 4)
print(p.x, p.y)
p.x = 10
p.y -= 1
print(p.x, p.y)
print(Point().x, Point(y=9).y, Point(1, y=2).y)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = "no"
except TypeError as e:
    print("TypeError:", e)

r = Rect(Point(1, 2), (30, 40), b"box")
print(r.top_left.x, r.top_left.y, r.bottom_right.x, r.bottom_right.y, r.name)
tl = r.top_left          # shares r's memory
tl.x = 100
print(r.top_left.x)
r.bottom_right = Point(7, 8)
print(r.bottom_right.x, r.bottom_right.y)
r.name = b"rectangle"[:8]
print(r.name)


class Node(Structure):
    pass


Node._fields_ = [("value", c_int), ("next", POINTER(Node))]
n3 = Node(3, None)
n2 = Node(2, pointer(n3))
n1 = Node(1, pointer(n2))
values = []
node = n1
while True:
    values.append(node.value)
    if not node.next:
        break
    node = node.next.contents
print("linked:", values, sizeof(Node))


class Point3(Point):
    _fields_ = [("z", c_int)]


p3 = Point3(1, 2, 3)
print(sizeof(Point3), p3.x, p3.y, p3.z)


class IntOrBytes(Union):
    _fields_ = [("i", c_uint32), ("b", c_ubyte * 4), ("d", c_double)]


u = IntOrBytes()
u.i = 0x01020304
print(sizeof(IntOrBytes), list(u.b), u.i)
u.b[0] = 0xff
print(hex(u.i))

# arrays of structures
pts = (Point * 3)(Point(1, 2), Point(3, 4), (5, 6))
print([(q.x, q.y) for q in pts], sizeof(pts))
pts[1].x = 33
print(pts[1].x)

# a struct by pointer: gmtime_r fills a struct tm, strftime formats it
class tm(Structure):
    _fields_ = [("tm_sec", c_int), ("tm_min", c_int), ("tm_hour", c_int), ("tm_mday", c_int),
                ("tm_mon", c_int), ("tm_year", c_int), ("tm_wday", c_int), ("tm_yday", c_int),
                ("tm_isdst", c_int), ("tm_gmtoff", c_long), ("tm_zone", c_char_p)]


libc.gmtime_r.argtypes = [POINTER(c_long), POINTER(tm)]
libc.gmtime_r.restype = POINTER(tm)
t = tm()
res = libc.gmtime_r(byref(c_long(86400 * 365 + 3661)), byref(t))
print(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday)
print("same struct:", ctypes.addressof(res.contents) == ctypes.addressof(t))
out = ctypes.create_string_buffer(64)
libc.strftime.argtypes = [c_char_p, ctypes.c_size_t, c_char_p, POINTER(tm)]
n = libc.strftime(out, sizeof(out), b"%Y-%m-%d %H:%M:%S %a", byref(t))
print(n, out.value)
libc.mktime.argtypes = [POINTER(tm)]
t2 = tm(tm_year=2000 - 1900, tm_mon=0, tm_mday=1)
libc.timegm.argtypes = [POINTER(tm)]
libc.timegm.restype = c_long
print("timegm:", libc.timegm(t2), libc.timegm(pointer(t2)))

# a struct returned by value: div_t div(int, int)
class div_t(Structure):
    _fields_ = [("quot", c_int), ("rem", c_int)]


class ldiv_t(Structure):
    _fields_ = [("quot", c_long), ("rem", c_long)]


libc.div.restype = div_t
libc.div.argtypes = [c_int, c_int]
d = libc.div(17, 5)
print(type(d).__name__, d.quot, d.rem)
libc.ldiv.restype = ldiv_t
libc.ldiv.argtypes = [c_long, c_long]
ld = libc.ldiv(-(10 ** 12) - 7, 10)
print(ld.quot, ld.rem)
try:
    libc.gmtime_r(byref(c_long(0)), Point())
except ctypes.ArgumentError as e:
    print("ArgumentError:", e)
