# Everyday dict and set idioms: ** merges, zip/enumerate into dicts, sorting
# by value, comprehensions, mixed key types, aliasing under |= and |, views
# fed to builtins, and the reprs of empty and nested containers.

d1 = {"x": 1, "y": 2}
d2 = {"y": 3, "z": 4}
print({**d1, **d2}, d1 == {"y": 2, "x": 1}, d1 != d2)
print(dict(zip(["a", "b", "c"], range(3))), dict(enumerate("xyz")))
for k, v in sorted(d2.items(), reverse=True):
    print(k, v, end="; ")
print()
print(max(d2, key=d2.get), min(d1.values()), sum(d2.values()), sorted(d1, key=d1.get, reverse=True))
s = {n % 7 for n in range(50) if n % 3}
print(s, sum(s), len(s), sorted(s)[-1], *s)
print(set("mississippi") == {"m", "i", "s", "p"}, len(set("mississippi")))
print(frozenset({1, 2}) in {frozenset({2, 1}): 0}, {frozenset({1}): "a"}[frozenset([1])])
nested = {i: {j: i * j for j in range(3)} for i in range(3)}
print(nested, nested[2][2])
d = {}
d[1, 2] = "tuple key"
d[None] = "none"
d[2.5] = "float"
d[True] = "bool"
print(d, d[(1, 2)], d[1], d.get(1.0))
del d[None]
print(list(d.keys()), list(d.values())[-1], (2.5, "float") in d.items())
counts = dict.fromkeys("abc", 0)
for ch in "abcabca":
    counts[ch] += 1
print(counts)
inv = {v: k for k, v in counts.items()}
print(inv)
a = {1, 2, 3}
b = a
b |= {4}
print(a is b, a)
b = b | {5}
print(a is b, a, b)
x = {1: 1}
y = x
y |= {2: 2}
print(x is y, x)
print(list(map(len, [{1: 2}, set(), {1, 2, 3}])))
print(any(k > 2 for k in {1: 0, 3: 0}), all(v for v in {1: 1, 2: 0}.values()))
print(sorted({3: "c", 1: "a"}.items()), list(reversed({1: 2, 3: 4}.values())))
e = {}
print(e.setdefault("k", []), e, bool(e), bool({}), bool(set()), bool({0}))
t = tuple({5: 0, 1: 0})
print(t, list({3, 1, 2}), tuple(frozenset({9, 8})))
print(str({1: "a"}), repr({"a": {1}}), f"{ {1: 2} }", str(frozenset({-1})))
print(set(), {}, dict(), frozenset(), set([]) == frozenset())
