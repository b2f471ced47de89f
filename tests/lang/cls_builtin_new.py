# Builtin subclasses as real code writes them: __new__ and __init__
# overrides, dict.__missing__ (a defaultdict, a Counter), a named-tuple
# style tuple, a unit-carrying float, an enum-like int.
class DefaultDict(dict):
    def __init__(self, factory, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.factory = factory
    def __missing__(self, key):
        value = self[key] = self.factory()
        return value
dd = DefaultDict(list, a=[1])
dd['x'].append(1); dd['x'].append(2); dd['a'].append(3)
print(dd, dd.get('zz'), 'zz' in dd, dd.factory, len(dd))
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for w in 'a b a c a'.split():
    c[w] += 1
print(c, c['nope'])
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    @property
    def y(self): return self[1]
    def __repr__(self):
        return 'Point(x=%r, y=%r)' % self
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
p = Point(1, 2) + Point(10, 20)
print(p, p.x, type(p).__name__, tuple(p), p == (11, 22), len(p), isinstance(p, tuple))
class Meters(float):
    def __new__(cls, value, unit='m'):
        obj = float.__new__(cls, value * (1000 if unit == 'km' else 1))
        obj.unit = 'm'
        return obj
    def __repr__(self):
        return '%sm' % float(self)
m = Meters(1.5, 'km')
print(m, m + 1, repr(m), m.unit, m > 1000, type(m).__name__)
class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())
    def __init__(self, text):
        self.original = text
    def __len__(self):
        return 100
u = Upper('hey')
print(u, u.original, len(u), u.lower(), str.__len__(u), type(u).__mro__[1].__name__)
class Level(int):
    NAMES = {10: 'DEBUG', 20: 'INFO'}
    def __new__(cls, value):
        if isinstance(value, str):
            value = {v: k for k, v in cls.NAMES.items()}[value]
        return int.__new__(cls, value)
    def __str__(self):
        return self.NAMES.get(int(self), 'LEVEL%d' % self)
print(Level(10), Level('INFO'), Level(5), Level(20) > Level(10), Level(10) + 5, sorted([Level(20), Level(10)]))
class Flags(frozenset):
    def __new__(cls, *names):
        return super().__new__(cls, names)
    def __repr__(self):
        return 'Flags(%s)' % ', '.join(sorted(self))
print(Flags('b', 'a'), 'a' in Flags('a'), type(Flags('a') | {'c'}).__name__)
class Stack(list):
    def __init__(self, *items):
        super().__init__(items)
    def push(self, x):
        self.append(x)
        return self
print(Stack(1, 2).push(3), type(Stack(1) + [2]).__name__)
try:
    object.__new__(Level)
except TypeError as e:
    print(e)
