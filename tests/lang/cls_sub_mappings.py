# Subclasses of dict (with __missing__), set and frozenset: overrides seen
# by dict(), {**d}, update, fromkeys, set operations' result types.
import json
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = v = len(key)
        return v
d = DefaultDict(a=1)
print(d["abc"], d, d.get("zz"), "zz" in d, d.setdefault("q", 5), type(d.copy()).__name__, d | {"x": 1}, type(d | {"x": 1}).__name__, json.dumps(d), sorted(d), list(d.items()))
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v):
        self[k] = v
    def __repr__(self):
        return "AttrDict(" + dict.__repr__(self) + ")"
ad = AttrDict(x=1)
ad.y = 2
print(ad, ad.x, ad.y, ad["y"], hasattr(ad, "z"), dict(ad), type(dict(ad)).__name__, {**ad}, len(ad), ad == {"x": 1, "y": 2}, json.dumps(ad))
class LowerDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __contains__(self, k):
        return super().__contains__(k.lower())
    def __iter__(self):
        return iter(sorted(super().__iter__()))
    def __len__(self):
        return 1000
    def keys(self):
        return ["only"]
ld = LowerDict()
ld["B"] = 1
ld["A"] = 2
print(ld["b"], "A" in ld, list(ld), len(ld), ld, dict(ld) if False else "", sorted(ld), ld.get("A"), {**ld} if False else "", [k for k in ld])
class Counter2(dict):
    def __init__(self, it=()):
        super().__init__()
        for x in it:
            self[x] = self.get(x, 0) + 1
c = Counter2("abca")
print(c, c.__class__.__name__, dict.fromkeys("ab"), type(Counter2.fromkeys("ab")).__name__, Counter2.fromkeys("ab", 0))
class TagSet(set):
    def __init__(self, it=(), name="t"):
        super().__init__(it)
        self.name = name
    def __repr__(self):
        return f"TagSet({sorted(self)})"
ts = TagSet([3, 1], "n")
print(ts, ts.name, type(ts | {5}).__name__, type(ts & {1}).__name__, type(ts - {1}).__name__, type(ts.copy()).__name__, type(ts.union()).__name__, 1 in ts, len(ts), sorted(ts), ts == {1, 3}, ts <= {1, 2, 3}, ts.issubset([1, 3]))
ts |= {9}
print(ts, type(ts).__name__)
class FS(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)
    def __repr__(self):
        return "FS" + repr(sorted(self))
f = FS(2, 1)
print(f, type(f | {5}).__name__, type(f.copy()).__name__, f.copy() is f, hash(f) == hash(frozenset({1, 2})), {f: 1}[frozenset({1, 2})], type(frozenset(f)).__name__, f == {1, 2}, sorted(f), type(f - set()).__name__, type(f.union()).__name__)
class IS(set):
    def __contains__(self, x):
        return True
    def __len__(self):
        return -0
    def __iter__(self):
        return iter([1])
i = IS([5, 6])
print(7 in i, len(i), list(i), sorted(i), bool(i), i == {5, 6}, i | {1}, set(i))
class LowerDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def keys(self):
        return [k.upper() for k in super().keys()]
ld = LowerDict(a=1, b=2)
print(dict(ld), {**ld}, dict(**ld))
d2 = {}
d2.update(ld)
print(d2)
class IterDict(dict):
    def __iter__(self):
        return iter(["a"])
    def keys(self):
        return ["a"]
idd = IterDict(a=1, b=2)
print(dict(idd), {**idd}, list(idd), sorted(idd), len(idd), list(idd.items()), [k for k in idd])
class ItemsDict(dict):
    def items(self):
        return [("z", 0)]
    def values(self):
        return [42]
i2 = ItemsDict(a=1)
print(dict(i2), list(i2.items()), list(i2.values()), {**i2}, str(i2), repr(i2))
