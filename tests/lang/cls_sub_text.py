# Subclasses of str and bytes: constructors, attributes, overridden dunders
# honoured by builtins, and base methods returning exact str/bytes.
import json
class Tag(str):
    def __new__(cls, s, level=1):
        o = super().__new__(cls, s.lower())
        o.level = level
        return o
    def shout(self):
        return self.upper() + "!"
t = Tag("HeLLo", 3)
print(t, repr(t), t.level, t.shout(), len(t), t[1:3], type(t[1:3]).__name__, type(t[0]).__name__, type(t[:]).__name__)
for r in (t + "x", "x" + t, t * 2, t.upper(), t.strip(), t.replace("z", "q"), t.split("l"), t.join(["a", "b"]), str(t), t.format(), f"{t}", "%s" % t, t.lower(), t.title(), t.center(9, "*"), t.zfill(2), t.ljust(2), t.casefold(), t.partition("l"), t.encode()):
    print(repr(r), type(r).__name__)
print(t == "hello", "hello" == t, hash(t) == hash("hello"), {"hello": 1}[t], t in "xhellox", "ell" in t, sorted([Tag("b"), "a", Tag("c")]), json.dumps({t: t}), t.startswith("he"), list(t), ",".join([t, t]), max(t))
print(isinstance(t, str), t.__class__.__name__, str.__str__(t), type(str.__str__(t)).__name__, str(t) is t, type("".join([t])).__name__)
class Path(str):
    def __truediv__(self, other):
        return Path(self + "/" + other)
    def __repr__(self):
        return f"Path({str.__repr__(self)})"
    def __len__(self):
        return 99
    def __getitem__(self, i):
        return "item"
    def __contains__(self, x):
        return x == "magic"
    def __iter__(self):
        return iter(["p", "q"])
    def __eq__(self, o):
        return True
    __hash__ = str.__hash__
p = Path("usr") / "lib"
print(p, repr(p), type(p).__name__, len(p), p[0], "magic" in p, "u" in p, list(p), p == 5, sorted(p), [c for c in p], tuple(p), set(p) == {"p", "q"}, "-".join(p))
print(p.upper(), p.split("/"), f"{p!r:>20}", f"{p:>10}", "%r" % p, str(p), print(p, end="|\n"))
class CI(str):
    def __eq__(self, o):
        return self.lower() == o.lower()
    def __hash__(self):
        return hash(self.lower())
print(CI("Abc") == "aBC", CI("x") in ["X"], CI("x") in {"X": 1}, {CI("A"): 1}.get(CI("a")), "X" in [CI("x")], ["X"].index(CI("x")), ["X", "x"].count(CI("x")))
class By(bytes):
    def hexed(self):
        return self.hex()
b = By(b"abc")
print(b, repr(b), b.hexed(), b[0], b[1:], type(b[1:]).__name__, b + b"d", type(b + b"d").__name__, type(b * 1).__name__, b.upper(), type(b.upper()).__name__, bytes(b), type(bytes(b)).__name__, b.decode(), By(3), By([65, 66]), len(b), list(b), b == b"abc", hash(b) == hash(b"abc"))
class B2(bytes):
    def __new__(cls, n):
        return super().__new__(cls, b"x" * n)
print(B2(3), type(B2(3)).__name__, b"%s" % B2(2), bytes.fromhex("4142"), type(By.fromhex("4142")).__name__)
class S2(str):
    pass
s2 = S2(12)
print(s2, repr(s2), S2(b"ab", "ascii"), S2(), type(s2 + s2).__name__, type(s2 % ()).__name__, type(S2("a%s") % 1).__name__, s2.__dict__, S2.__dict__.get("__module__"), type(str(s2)).__name__, type(format(s2, "")).__name__, type(f"{s2}").__name__, type("{}".format(s2)).__name__)
print(str.__new__(S2, "q"), type(str.__new__(S2, "q")).__name__, S2("ab").__getnewargs__(), type(S2("ab").__getnewargs__()[0]).__name__, S2("a") < "b", S2("z").isalpha(), S2.maketrans("a", "b"), S2("abc").translate({97: "z"}), type(S2("abc").translate({})).__name__)
class SF(str):
    def __str__(self):
        return "custom"
    def __format__(self, spec):
        return "fmt:" + spec
    def __len__(self):
        return 0
s = SF("abc")
print(s, str(s), f"{s}", f"{s:>5}", "{}".format(s), format(s), "%s" % s, repr(s), [s], len(s), bool(s), s + "!", s.upper(), "".join([s, s]), s == "abc", ascii(s))
class ReprOnly(str):
    def __repr__(self):
        return "<R>"
r = ReprOnly("q")
print(r, [r], (r,), {r: r}, f"{r!r}", "%r" % r, repr([r, 1]), str(r), r.__repr__())
