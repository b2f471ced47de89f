# `d[k] += n` and `d[k] = d.get(k, c) + n` in one dict probe: the fast
# way (exact dict, exact str or small int key, small int values) and
# every case that must take the generic way with CPython's results:
# overflow to big ints, floats, user keys whose __eq__/__hash__ are
# counted, str subclasses, dict subclasses with get/__missing__, a key
# equal to a stored float or bool, KeyError, TypeError, unbound locals,
# insertion while iterating.
calls = []


class Key:
    def __init__(self, name, h):
        self.name, self.h = name, h

    def __hash__(self):
        calls.append("hash " + self.name)
        return self.h

    def __eq__(self, other):
        calls.append("eq " + self.name)
        return isinstance(other, Key) and other.name == self.name

    def __repr__(self):
        return "Key(%s)" % self.name


class SKey(str):
    def __hash__(self):
        calls.append("shash " + self)
        return str.__hash__(self)

    def __eq__(self, other):
        calls.append("seq " + self)
        return str.__eq__(self, other)


class Counter(dict):
    def get(self, k, d=None):
        calls.append("get %r" % (k,))
        return dict.get(self, k, d) * 10 if k in self else d

    def __missing__(self, k):
        calls.append("missing %r" % (k,))
        return 100


class Box:
    def __init__(self):
        self.items = {}

    def get(self, k, d):
        return self.items.get(k, d)

    def __getitem__(self, k):
        return self.items[k]

    def __setitem__(self, k, v):
        calls.append("set %r %r" % (k, v))
        self.items[k] = v


def count(words):
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    return d


def count_aug(words):
    d = {w: 0 for w in words}
    for w in words:
        d[w] += 1
    return d


def bump(d, k, n):
    d[k] = d.get(k, 0) + n
    return d


def bump_aug(d, k, n):
    d[k] += n
    return d


def const_keys():
    d = {}
    for i in range(5):
        d["a"] = d.get("a", 0) + 1
        d[7] = d.get(7, 10) + 2
        d["a"] += 3
        d[7] += -1
    return d


def err(f, *args):
    try:
        r = f(*args)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)


words = "the cat and the hat and the bat".split() + ["", "\xe9t\xe9", "\u4e2d", "the"]
print(count(words))
print(count_aug(words))
print(count(list(range(-3, 4)) * 3 + [10**20, 10**20, -(2**62)]))
print(const_keys())

big = 2**62 - 1
print(bump({"x": big}, "x", 1), bump({"x": -big - 1}, "x", -1))
print(bump_aug({"x": big}, "x", 1), bump_aug({5: 2**61}, 5, 2**61))
print(bump({"f": 1.5}, "f", 1), bump_aug({"f": 1.5}, "f", 2), bump({"s": "ab"}, "s", 0) if False else None)
err(bump, {"s": "ab"}, "s", 1)
err(bump_aug, {"n": None}, "n", 1)
err(bump_aug, {}, "missing", 1)
err(bump_aug, {1: 1}, 2, 1)
err(bump, {}, [1], 1)

# a stored float or bool key equal to the int key keeps its key object
print(bump({1.0: 5}, 1, 1), bump_aug({True: 5}, 1, 1), bump({0: 1}, False, 1))

# user keys: __hash__ and __eq__ run as often as CPython runs them
a1, a2 = Key("a", 42), Key("a", 42)
calls.clear()
d = bump({a1: 1}, a2, 1)
print(d, calls)
calls.clear()
d = bump_aug({a1: 1}, a2, 1)
print(d, calls)
# an int key whose hash collides with a user key's
calls.clear()
print(bump({Key("b", 3): 1}, 3, 1), calls)
# a str subclass key, and a str key meeting a stored str subclass key
calls.clear()
print(bump({"w": 1}, SKey("w"), 1), calls)
calls.clear()
print(bump({SKey("w"): 1}, "w", 1), calls)

# dict subclasses and other mappings take their own methods
calls.clear()
c = Counter(a=1)
print(bump(c, "a", 1), bump(c, "b", 1), bump_aug(c, "z", 1), calls)
calls.clear()
b = Box()
bump(b, "k", 2)
bump(b, "k", 3)
bump_aug(b, "k", 4)
print(b.items, calls)


# unbound locals: the error CPython raises first
def unbound_d(k):
    if k == "never":
        d = {}
    d[k] = d.get(k, 0) + 1


def unbound_k():
    d = {}
    if d:
        k = 1
    d[k] += 1


def unbound_n(d, k):
    if not d:
        n = 1
    d[k] += n
    return d


err(unbound_d, "x")
err(unbound_k)
err(unbound_n, {}, "x")
err(unbound_n, {"x": 1}, "x")


# inserting while iterating: the iteration notices, updating does not
def during():
    d = {"a": 1, "b": 2}
    for k in d:
        d[k] += 10
    print(d)
    for k in d:
        d[k + "!"] = d.get(k + "!", 0) + 1


err(during)

# module level, a global dict, an addend that is a global
g = {}
step = 2
for w in "x y x".split():
    g[w] = g.get(w, 0) + step
    g[w] += 1
print(g)


# a KeyError in a function
def tb():
    d = {}
    k = "nope"
    d[k] += 1


try:
    tb()
except KeyError as e:
    print("KeyError", e)
