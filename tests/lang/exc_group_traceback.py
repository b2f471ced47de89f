def f():
    raise ValueError("in f")


def g():
    try:
        f()
    except ValueError as e:
        raise KeyError("during") from e


errs = []
for fn in (f, g):
    try:
        fn()
    except Exception as e:
        errs.append(e)
errs.append(TypeError("plain"))
inner = ExceptionGroup("inner", [OSError(2, "nope"), ZeroDivisionError("z")])
errs.append(inner)
e = ValueError("noted")
e.add_note("a note\nover two lines")
errs.append(e)
many = ExceptionGroup("many", [ValueError(i) for i in range(17)])
errs.append(many)
try:
    raise ExceptionGroup("top", errs)
except* TypeError:
    raise RuntimeError("handler failed")
