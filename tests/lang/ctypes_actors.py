# ctypes in spawned processes: each makes its own types and callbacks; a
# library loaded by the main code is used (read) from the processes.
import aithon
import ctypes

libc = ctypes.CDLL(None)
libc.strlen.argtypes = [ctypes.c_char_p]
libc.strlen.restype = ctypes.c_size_t


def worker(parent, n):
    CMP = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int))
    arr = (ctypes.c_int * 5)(*[(7 * k + n) % 5 for k in range(5)])
    mine = ctypes.CDLL(None)
    mine.qsort(arr, 5, ctypes.sizeof(ctypes.c_int), CMP(lambda a, b: a[0] - b[0]))
    p = ctypes.pointer(ctypes.c_int(n))
    aithon.send(parent, (n, libc.strlen(b"x" * n), list(arr), p[0] * 10))


me = aithon.self()
for n in range(4):
    aithon.spawn(worker, me, n)
for result in sorted(aithon.receive() for _ in range(4)):
    print(result)
print("main:", libc.strlen(b"done"), ctypes.POINTER(ctypes.c_int) is ctypes.POINTER(ctypes.c_int))
