# globals(), locals() and vars(): a function's variables (a snapshot, as in
# CPython), a class body's namespace, and the module's names read at once
# (dispatch by name, membership, format(**globals())).
x = 1
def f(a, b=2, *rest, key="k", **kw):
    c = a + b
    z = None
    del z
    def inner():
        return c + x
    return "{a}-{b}-{c}".format(**locals()), sorted(locals()), list(locals())
print(f(1))
def g(p):
    q = p * 2
    return vars()
print(g(5))
def outer():
    v = 10
    w = 20
    def inner(t):
        u = v + t
        return locals()
    return inner(1)
print(outer())
lam = lambda m, n=3: locals()
print(lam(1))
class C:
    a = 1
    b = a + 1
    ns = locals()
    names = sorted(k for k in locals() if not k.startswith("__"))
print(C.names, sorted(k for k in C.ns if not k.startswith("__")))
def handler_add(a, b): return a + b
def handler_mul(a, b): return a * b
for op in ("add", "mul"):
    print(op, globals()["handler_" + op](3, 4))
print("x" in globals(), "nope" in globals(), globals().get("x"), "handler_add" in globals().keys())
tests = sorted(name for name in globals().copy() if name.startswith("handler_"))
print(tests, len([k for k, v in globals().items() if callable(v) and not k.startswith("_")]))
print("{x}".format(**globals()), {**globals()}["x"])
def use_g():
    return globals()["x"] + 1
print(use_g())
