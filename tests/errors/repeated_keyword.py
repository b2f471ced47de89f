# expect-error: 4:8: E0101: keyword argument repeated: a
# CPython reports a repeated keyword argument at compile time.

f(a=1, a=2)
