# expandtabs takes a C int tabsize, as CPython: a bigger one is an
# OverflowError at once, not a huge allocation (MemoryError).
for v in ["a\tb", b"a\tb", bytearray(b"a\tb")]:
    print(repr(v.expandtabs()), repr(v.expandtabs(3)), repr(v.expandtabs(0)), repr(v.expandtabs(-4)))
    for size in [2**31, -2**31 - 1, 10**12, 10**30]:
        try:
            v.expandtabs(size)
        except OverflowError as e:
            print(type(v).__name__, size, "OverflowError:", e)
    try:
        v.expandtabs(tabsize=2.0)
    except TypeError as e:
        print("TypeError:", e)
