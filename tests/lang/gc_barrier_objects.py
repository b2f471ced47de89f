# Write barriers of objects with value fields: instances (dict and
# __slots__), class attributes, properties, exceptions (args, __cause__,
# __context__, __traceback__), generators kept suspended across many
# allocations, closures, bound methods, and the random, sys and math
# modules. Objects are made early so that they are old when fresh values
# are stored into them. Run with AITHON_GC_STRESS=1 to have the collector
# check every old object before each minor collection.
import math
import random
import sys


def fresh(i):
    return "v%d" % i


class Plain:
    kind = "plain"

    def __init__(self, n):
        self.n = n
        self.tags = []

    def method(self, x):
        return (self.n, x)


class Slotted:
    __slots__ = ("a", "b", "c")

    def __init__(self):
        self.a = None
        self.b = None


class Base:
    def __init__(self, name):
        self.name = name


class Derived(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    @property
    def both(self):
        return self.name + "/" + self.extra

    @both.setter
    def both(self, v):
        self.name, self.extra = v.split("/")

    @staticmethod
    def smeth(x):
        return [x, fresh(x)]

    @classmethod
    def cmeth(cls, x):
        return (cls.__name__, fresh(x))


class Box(list):
    pass


class Table(dict):
    pass


class MyError(Exception):
    pass


class RichError(ValueError):
    def __init__(self, code, text):
        super().__init__(code, text)
        self.code = code
        self.text = text


olds = [Plain(i) for i in range(6)]
slotted = [Slotted() for _ in range(4)]
derived = [Derived("d%d" % i, "x") for i in range(3)]
box = Box()
tab = Table()
errors = [MyError("first"), RichError(1, "one"), ValueError()]
bound = [olds[0].method, derived[0].smeth, Derived.cmeth]

# ---- instances: dict attributes, slots, properties, class attributes ----
for i in range(50):
    o = olds[i % len(olds)]
    o.n = fresh(i)
    o.tags.append((i, fresh(i)))
    o.extra = [fresh(i)] * 2
    o.__dict__["direct"] = fresh(i + 1)
    setattr(o, "dyn%d" % (i % 3), {fresh(i): i})
    s = slotted[i % len(slotted)]
    s.a = fresh(i)
    s.b = (fresh(i), i)
    s.c = [fresh(i)]
    d = derived[i % len(derived)]
    d.both = "n%d/e%d" % (i, i * 2)
    d.more = d.both.upper()
    Plain.kind = fresh(i)
    Derived.shared = [fresh(i)]
    box.append(fresh(i))
    box.extend([i, fresh(i)])
    tab[fresh(i % 9)] = (i, fresh(i))
    tab.update({fresh(i + 50): i})
print([(o.n, o.tags[-1], o.extra, o.direct, sorted(vars(o))) for o in olds[:2]])
print([(s.a, s.b, s.c) for s in slotted])
print([(d.name, d.extra, d.both, d.more) for d in derived])
print(Plain.kind, Derived.shared, len(box), box[-3:], len(tab), sorted(tab.items())[:2])
print(bound[0](fresh(1)), bound[1](3), bound[2](4), Derived.smeth(5), derived[1].cmeth(6))
print(getattr(olds[1], "dyn1"), hasattr(olds[1], "nope"), isinstance(box, list))
del olds[0].dyn0
print(sorted(olds[0].__dict__))

# ---- exceptions: args, chains, traceback ----
for i in range(30):
    e = errors[i % len(errors)]
    e.args = (fresh(i), i)
    if not isinstance(e, ValueError) or isinstance(e, RichError):
        e.note = fresh(i)
    try:
        try:
            raise KeyError(fresh(i))
        except KeyError as inner:
            raise MyError(fresh(i + 1)) from inner
    except MyError as outer:
        e.__cause__ = outer
        e.__context__ = outer.__cause__
        e.__traceback__ = outer.__traceback__
    try:
        try:
            {}[fresh(i)]
        except KeyError:
            [][i]
    except IndexError as ie:
        errors[(i + 1) % len(errors)].__context__ = ie
print([(type(e).__name__, e.args, getattr(e, "note", None), repr(e.__cause__), repr(e.__context__)) for e in errors])
print(errors[1].code, errors[1].text, str(errors[0]), repr(errors[2]))


def chain(n):
    try:
        if n == 0:
            raise RichError(n, fresh(n))
        chain(n - 1)
    except RichError as e:
        raise MyError(fresh(n)) from e


try:
    chain(4)
except MyError as e:
    c = e
    names = []
    while c is not None:
        names.append((type(c).__name__, c.args))
        c = c.__cause__
    print(names)

# ---- generators kept suspended across allocations ----


def producer(n):
    acc = []
    for i in range(n):
        acc.append(fresh(i))
        got = yield (i, acc[-1], len(acc))
        if got is not None:
            acc.append(got)
    return acc


def relay(n):
    r = yield from producer(n)
    yield ("done", len(r))


gens = [producer(60), relay(5)]
first = next(gens[0])
seen = [first]
for i in range(20):
    junk = [fresh(j) for j in range(5)]
    seen.append(gens[0].send(fresh(i + 100)))
    seen.append(next(gens[0]))
print(seen[-4:])
print(list(gens[1]))


def fib_pairs():
    a, b = 0, 1
    while True:
        yield (a, str(b))
        a, b = b, a + b


fp = fib_pairs()
fibs = [next(fp) for _ in range(100)]
print(fibs[-1])
g3 = (fresh(i) * 2 for i in range(10))
print(next(g3), list(g3))

# ---- closures and cells ----


def make_counter():
    count = [0]
    last = None

    def bump(x):
        nonlocal last
        count[0] += 1
        last = (x, fresh(count[0]))
        return last

    def peek():
        return last, count

    return bump, peek


counters = [make_counter() for _ in range(3)]
for i in range(40):
    bump, peek = counters[i % 3]
    junk = {fresh(j): j for j in range(3)}
    bump(fresh(i))
print([c[1]() for c in counters])
adders = [lambda x, k=k: x + k for k in [fresh(i) for i in range(4)]]
print([f("p") for f in adders])

# ---- modules ----
random.seed(12345)
st = random.getstate()
keep_states = [st]
r1 = [random.random() for _ in range(5)]
random.setstate(keep_states[0])
r2 = [random.random() for _ in range(5)]
print(r1 == r2)
rng = random.Random(99)
for i in range(5):
    keep_states.append(rng.getstate())
    junk = [fresh(j) for j in range(4)]
print(len(keep_states), keep_states[-1][0], len(keep_states[-1][1]))
picks = []
for i in range(20):
    picks.append(rng.choice([fresh(j) for j in range(5)]))
    picks.append(rng.sample([fresh(j) for j in range(8)], 3))
    picks.append(rng.randrange(10**20))
    pool = [fresh(j) for j in range(6)]
    rng.shuffle(pool)
    picks.append(pool)
    picks.append(rng.choices(["a", "b", fresh(i)], weights=[1, 2, 3], k=2))
print(picks[-5:])
print(rng.getrandbits(100), rng.randint(1, 10**30), rng.uniform(0, 1))
print(sys.argv[1:], sys.maxsize, sys.version_info[:2], sys.getrecursionlimit())
print(sys.intern(fresh(7)) == "v7", sys.exc_info()[0])
try:
    raise RichError(5, "five")
except RichError:
    info = sys.exc_info()
    print(info[0].__name__, info[1].args)
print(math.frexp(12.5), math.modf(2.75), math.factorial(25), math.gcd(10**30, 10**20 * 6))
print(math.isqrt(10**40 + 12345), math.comb(60, 30), math.fsum([0.1] * 10))
