# Write barriers on the less travelled paths: keyword-only defaults,
# instance __dict__ replaced, class __name__/__qualname__ set,
# __set_name__, mapping updates from non-dict mappings, big displays,
# traceback growth in deep recursion, assert messages, generator
# throw/close/return values, iter(callable, sentinel) ended by
# StopIteration, set.clear and friends, str/bytes methods that return new
# objects. Everything is kept in structures made early (old after the
# first collections). Run with AITHON_GC_STRESS=1 to have the collector
# check every old object before each minor collection.

keep = {"list": [], "funcs": [], "errs": [], "gens": []}


def fresh(i):
    return "m%d" % i


# ---- functions with keyword-only defaults, made in a loop ----
for i in range(10):
    tag = fresh(i)

    def f(a, *, b=tag, c=[tag], d=(i, tag)):
        return (a, b, c, d)

    keep["funcs"].append(f)
print([g(0) for g in keep["funcs"][-2:]])
print(keep["funcs"][3](1, b="x"))


def varargs(*args, **kwargs):
    return (args, sorted(kwargs.items()))


for i in range(5):
    keep["list"].append(varargs(fresh(i), i, **{fresh(i + 1): i, "k": [i]}))
    keep["list"].append(varargs(*[fresh(j) for j in range(3)], **dict(a=fresh(i))))
print(keep["list"][-2:])


# ---- instance __dict__ replaced, class names set ----
class Holder:
    pass


holders = [Holder() for _ in range(3)]
for i in range(12):
    h = holders[i % 3]
    h.__dict__ = {fresh(i): [i], "n": fresh(i + 1)}
    h.extra = (fresh(i),)
print([sorted(h.__dict__.items()) for h in holders])

Holder.__name__ = fresh(100)
Holder.__qualname__ = "Outer." + fresh(101)
print(Holder.__name__, Holder.__qualname__, repr(Holder)[:30])


# ---- descriptors with __set_name__ ----
class Named:
    def __set_name__(self, owner, name):
        self.name = name + "_" + fresh(len(name))
        self.owner = owner.__name__

    def __get__(self, obj, objtype=None):
        return (self.name, self.owner)


class UsesNamed:
    first = Named()
    second_attr = Named()


print(UsesNamed().first, UsesNamed.second_attr)


class BadName:
    def __set_name__(self, owner, name):
        raise ValueError(fresh(7))


try:

    class UsesBad:
        x = BadName()

except RuntimeError as e:
    keep["errs"].append(e)
    print(type(e).__name__, repr(e.__cause__))


# ---- mappings that are not dicts ----
class Mapping:
    def __init__(self, n):
        self.n = n

    def keys(self):
        return [fresh(i) for i in range(self.n)]

    def __getitem__(self, k):
        return k.upper() + "!"


md = {}
keep["md"] = md
for i in range(6):
    md.update(Mapping(i))
    md.update([[fresh(i + 10), i], [fresh(i + 20), [i]]])
    md |= Mapping(2)
print(sorted(md.items()))
print(dict(Mapping(3)), {**Mapping(2), "z": 1})
big = {"a": fresh(1), "b": fresh(2), "c": fresh(3), "d": fresh(4), "e": fresh(5), "f": fresh(6),
       "g": fresh(7), "h": fresh(8), "i": [fresh(9)], "j": (fresh(10),)}
keep["big"] = big
print(big)
print(dict.fromkeys({fresh(i) for i in range(8)}, 0) == dict.fromkeys([fresh(i) for i in range(8)], 0))
print(sorted(dict.fromkeys(big, [1]).items())[:2])
big.clear()
big.update(x=fresh(20))
print(big)


# ---- deep tracebacks, assert messages, exception attributes ----
def deep(n):
    if n == 0:
        raise KeyError(fresh(n))
    return deep(n - 1)


for i in range(3):
    try:
        deep(20 + i)
    except KeyError as e:
        keep["errs"].append(e)
        keep["errs"].append(e.__traceback__)
for i in range(4):
    try:
        assert i > 10, "assert " + fresh(i)
    except AssertionError as e:
        keep["errs"].append(e)
        e2 = ValueError(fresh(i)).with_traceback(e.__traceback__)
        e2.__suppress_context__ = True
        keep["errs"].append(e2)
print([repr(x) for x in keep["errs"] if isinstance(x, BaseException)])
print(keep["errs"][-1].__suppress_context__, keep["errs"][-1].__traceback__ is not None)


# ---- generators: throw, close, return values ----
def echo():
    got = []
    try:
        while True:
            try:
                v = yield len(got)
                got.append(v)
            except ValueError as e:
                got.append(("caught", e.args))
    finally:
        keep["list"].append(("closed", got))


def returner(n):
    for i in range(n):
        yield fresh(i)
    return [fresh(100 + n)]


g = echo()
keep["gens"].append(g)
next(g)
for i in range(6):
    junk = [fresh(j) for j in range(4)]
    keep["gens"][0].send(fresh(i))
    if i % 2:
        keep["gens"][0].throw(ValueError(fresh(i)))
keep["gens"][0].close()
print(keep["list"][-1])
r = returner(3)
print(next(r), next(r), next(r))
try:
    r.send(None)
except StopIteration as e:
    print("returned", e.args)


def delegator():
    res = yield from returner(2)
    yield res


print(list(delegator()))

calls = [0]


def until_stop():
    calls[0] += 1
    if calls[0] > 5:
        raise StopIteration
    return fresh(calls[0])


print(list(iter(until_stop, None)))

# ---- sets and lists: clear, slice assignment from tuples ----
s = set()
keep["set"] = s
for i in range(10):
    s.update(fresh(j) for j in range(i))
    if i % 4 == 3:
        s.clear()
    s.add(fresh(i + 50))
print(sorted(s))
lst = [0] * 6
keep["lst"] = lst
for i in range(10):
    lst[1:3] = (fresh(i), fresh(i + 1), fresh(i + 2))
    lst[::2] = tuple(fresh(i + j) for j in range(len(lst[::2])))
    del lst[4:]
    lst += [i]
print(lst)

# ---- text methods that build new objects ----
tx = []
keep["tx"] = tx
for i in range(10):
    s = "pre-%d-mid-%d-suf" % (i, i)
    tx.append((s.removeprefix("pre-"), s.removesuffix("-suf"), s.rindex("-"), s.isprintable()))
    tx.append(format(i * 1.25, "08.3f") + format(i, "#x") + format(fresh(i), ">6"))
    b = s.encode()
    tx.append((b.removesuffix(b"-suf"), b.rjust(20, b"*"), b.ljust(20), b.lstrip(b"pre"),
               b.rstrip(b"fus"), b.endswith((b"x", b"suf")), b.rindex(b"-"), b.index(b"m"),
               b.capitalize(), b.isascii(), b.istitle(), b.isupper(), b.islower(), b.isdigit(),
               b.isalpha()))
    tx.append(bytes.maketrans(b"abc", b"xyz"))
    tx.append(bytearray(b).copy())
print(tx[-5:])
print(hash(range(3)) == hash(range(0, 3)), hash(slice(1, 2)) if False else "s", set().__len__())
print(sorted({fresh(i) for i in range(4)}), "x".__format__(">3"))
print(dir(Holder())[:3], sorted(keep.keys()))

# ---- stores of values made just before the store (young) into old holders ----


class MyErr(Exception):
    pass


old_excs = [KeyError("k"), ValueError("v"), MyErr("m")]
pre_raised = [MyErr("pre%d" % i) for i in range(8)]
for i in range(8):
    e = old_excs[i % 3]
    e.__cause__ = IndexError(i)
    e.__context__ = LookupError(i)
    try:
        raise LookupError(i)
    except LookupError as fresh_err:
        e.with_traceback(fresh_err.__traceback__)
    try:
        raise pre_raised[i] from TypeError
    except MyErr as got:
        keep["errs"].append(got)
print([(repr(e.__cause__), repr(e.__context__), e.__traceback__ is not None) for e in old_excs])
print([(repr(e), repr(e.__cause__)) for e in keep["errs"][-2:]])

spare = [None] * 64
del spare[:]
keep["spare"] = spare
for i in range(6):
    spare.extend([fresh(j) for j in range(i, i + 3)])
    spare += [fresh(j + 1) for j in range(2)]
print(spare)

step2 = slice(None, None, 2)
stepped = [0] * 8
keep["stepped"] = stepped
for i in range(6):
    stepped[step2] = [fresh(i + j) for j in range(4)]
print(stepped)

hd = Holder()
keep["hd"] = hd
for i in range(6):
    hd.__dict__ = {}
    hd.__dict__ = dict()
    hd.v = fresh(i)
print(hd.__dict__)

merged = set()
keep["merged"] = merged
merged2 = set()
keep["merged2"] = merged2
for i in range(6):
    merged.clear()
    merged |= {fresh(i + j) for j in range(3)}
    merged.update({fresh(i + j + 10) for j in range(2)})
    tmp = {fresh(j) for j in range(4)}
    tmp.discard("m1")
    merged2.clear()
    merged2 |= tmp
print(sorted(merged), sorted(keep["merged2"]))

files = []
for i in range(3):
    f = open("/dev/null", "w")
    files.append(f)
    n = f.write(fresh(i) * 3)
    f.close()
print(n, [(x.name, x.mode, x.closed) for x in files])
