# The messages of common run-time errors, word for word, including super()
# called where it finds no arguments (a RuntimeError at run time).
tests = [
    lambda: [1][5], lambda: {}["k"], lambda: 1 + "a", lambda: "a" + 1, lambda: int("x"), lambda: float("y"),
    lambda: None.foo, lambda: (1).foo, lambda: len(5), lambda: [].pop(), lambda: {}.popitem(), lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0,
    lambda: 2.0 / 0, lambda: [1, 2].index(5), lambda: "abc".index("z"), lambda: tuple()[0], lambda: next(iter([])), lambda: int(None),
    lambda: sorted([1, "a"]), lambda: max([]), lambda: min(), lambda: abs("x"), lambda: chr(-1), lambda: ord("ab"), lambda: "x" * "y",
    lambda: [] < 1, lambda: object() < object(), lambda: hash([]), lambda: {[]: 1}, lambda: set().remove(1), lambda: "a".foo(),
    lambda: (lambda x: x)(), lambda: (lambda x: x)(1, 2), lambda: (lambda: 0)(a=1), lambda: dict(1), lambda: list(5), lambda: iter(5),
    lambda: 10 ** -1 % 0, lambda: divmod(1, 0), lambda: pow(0, -1), lambda: [1, 2, 3][1:2:0], lambda: "abc"[10], lambda: int("12", 50),
    lambda: bytes([300]), lambda: "é".encode("ascii"), lambda: b"\xff".decode(), lambda: round("x"), lambda: getattr(1, "zz"),
    lambda: setattr(1, "x", 2), lambda: del_item(), lambda: a_undefined_name, lambda: "{}{}".format(1), lambda: "{x}".format(y=1),
    lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: int.from_bytes("x", "big"), lambda: (1, 2) + [3], lambda: [1] * 2.0,
    lambda: isinstance(1, 2), lambda: issubclass(1, int), lambda: super(), lambda: type("x"), lambda: range(1.5), lambda: [].sort(key=1),
    lambda: float("1e400") if False else 1e308 * 1e308 and 2 ** 5000.0, lambda: 10.0 ** 400, lambda: 2 ** 10000 * 1.0, lambda: int(float("inf")), lambda: int(float("nan")),
    lambda: frozenset().add(1), lambda: (1).__add__("x") + 1, lambda: complex("abc"), lambda: 1j < 2j, lambda: {}.fromkeys(1),
    lambda: str(b"x", "bogus"), lambda: list(range(3)).insert(), lambda: "abc".split(""), lambda: " ".join([1]), lambda: open("/nonexistent/file"),
]
def del_item():
    d = (1, 2)
    del d[0]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, "OK", repr(r)[:40])
    except Exception as e:
        print(i, type(e).__name__, e)
def plain(x):
    return super()
class K:
    def m(self):
        return (lambda: super())()
    @staticmethod
    def s():
        return super()
for f in (lambda: plain(1), lambda: K().m(), K.s):
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
