# gen.throw(typ[, val[, tb]]): the exception CPython makes from each form, and its TypeErrors.
def g():
    try:
        yield 1
    except Exception as e:
        print("got", type(e).__name__, e.args)
        yield 2

for args in [(ValueError,), (ValueError, "v"), (ValueError, ("a", "b")), (ValueError, ValueError("inst")), (ValueError("x"),)]:
    it = g(); next(it)
    print(it.throw(*args))
for bad in [(1,), (ValueError("x"), "v"), (int,), (ValueError, None, 5)]:
    it = g(); next(it)
    try:
        it.throw(*bad)
    except TypeError as e:
        print("TypeError", e)
