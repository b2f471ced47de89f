# Iteration, containers, callables, context managers and attribute hooks.


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(5)), sum(Countdown(4)), [x * 2 for x in Countdown(3)])
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
for i, v in enumerate(Countdown(3)):
    print(i, v, end="; ")
print()


class Squares:
    """Sequence protocol only: __getitem__ with IndexError."""

    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i

    def __len__(self):
        return self.n


s = Squares(5)
print(list(s), 9 in s, 10 in s, s[3], len(s), sorted(s, reverse=True))
a, b, *rest = Squares(4)
print(a, b, rest)


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __contains__(self, item):
        print("  (contains called)")
        return item in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return Bag(*self.items[key])
        return self.items[key]

    def __setitem__(self, key, value):
        self.items[key] = value

    def __delitem__(self, key):
        del self.items[key]

    def __repr__(self):
        return f"Bag({', '.join(map(repr, self.items))})"

    def __iadd__(self, other):
        self.items.extend(other)
        return self

    def __add__(self, other):
        return Bag(*(self.items + list(other)))


bag = Bag(1, 2, 3)
print(2 in bag, 7 not in bag)
bag[0] = 10
del bag[1]
print(bag, len(bag), bag[-1], bag[0:1], list(reversed(list(bag))))
same = bag
bag += [4, 5]
print(bag, same is bag)
bag2 = bag + [6]
print(bag2, bag)
print(bool(Bag()), bool(bag), not Bag())


class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, x, y=1):
        return x * self.factor * y


double = Multiplier(2)
print(double(5), double(5, y=3), list(map(double, [1, 2, 3])), callable(double), callable(bag))


class Timer:
    log = []

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Timer.log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        Timer.log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None}")
        return exc_type is KeyError


with Timer("a") as t:
    print("inside", t.name)
with Timer("b"):
    raise KeyError("suppressed")
try:
    with Timer("c"):
        raise ValueError("propagates")
except ValueError as e:
    print("ValueError:", e)
print(Timer.log)


class Config:
    def __init__(self, **values):
        self._values = values

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no config key {name!r}") from None


cfg = Config(host="localhost", port=8080)
print(cfg.host, cfg.port, getattr(cfg, "debug", False), hasattr(cfg, "host"))
try:
    cfg.missing
except AttributeError as e:
    print("AttributeError:", e)


class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: Frozen is immutable")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}")


f = Frozen(3)
print(f.x)
try:
    f.x = 4
except AttributeError as e:
    print("AttributeError:", e)
try:
    del f.x
except AttributeError as e:
    print("AttributeError:", e)


class Logged:
    def __init__(self):
        self.trail = []

    def __setattr__(self, name, value):
        if name != "trail":
            self.trail.append(name)
        super().__setattr__(name, value)


lg = Logged()
lg.a = 1
lg.b = 2
print(lg.trail, lg.a + lg.b, sorted(vars(lg)))


class Index:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


print([10, 20, 30][Index(1)], "abcdef"[Index(1):Index(4)], bin(Index(5)), hex(Index(255)))
print(list(range(Index(3))))


class Celsius:
    def __init__(self, deg):
        self.deg = deg

    def __format__(self, spec):
        if spec == "f":
            return f"{self.deg * 9 / 5 + 32:.1f}F"
        return f"{self.deg:{spec}}C"


c = Celsius(21.5)
print(f"{c:f} {c:.2f} {c:>8}", format(c, "f"))


class NoFormat:
    def __str__(self):
        return "NoFormat!"


print(f"{NoFormat()}", format(NoFormat()), "{}".format(NoFormat()))
try:
    f"{NoFormat():>10}"
except TypeError as e:
    print("TypeError:", e)


class BadLen:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


for n in [-1, "3", 2 ** 70, True]:
    try:
        print(len(BadLen(n)))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)


class BadInit:
    def __init__(self):
        return 1


try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)


class Empty:
    pass


for attempt in [lambda: Empty(1), lambda: Empty()[0], lambda: Empty()(), lambda: len(Empty()),
                lambda: iter(Empty()), lambda: 1 in Empty(), lambda: Empty() + 1, lambda: -Empty(),
                lambda: Empty() < Empty()]:
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)


class NoEnter:
    def __exit__(self, *a):
        pass


class NoExit:
    def __enter__(self):
        return self


for C in (NoEnter, NoExit):
    try:
        with C():
            pass
    except TypeError as e:
        print("TypeError:", e)
