# An uncaught ctypes.ArgumentError: the traceback names the call site only
# (the conversion happens in C in CPython, in a native module in Aithon).
import ctypes

libc = ctypes.CDLL(None)
libc.strlen.argtypes = [ctypes.c_char_p]
print(libc.strlen(b"fine"))


def measure(text):
    return libc.strlen(text)


print(measure("not bytes"))
