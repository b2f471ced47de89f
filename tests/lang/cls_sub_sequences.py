# Subclasses of tuple and list: __new__/__init__, properties, overridden
# __getitem__/__len__/__iter__/__reversed__ as builtins see them, and base
# operations returning exact tuples and lists.
import json
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def __init__(self, a, b):
        self.tag = "p"
    @property
    def first(self):
        return self[0]
    def __repr__(self):
        return f"Pair{tuple.__repr__(self)}"
p = Pair(1, 2)
print(p, p.first, p.tag, len(p), p[1], p[:], type(p[:]).__name__, p + (3,), type(p + (3,)).__name__, type(p * 1).__name__, p == (1, 2), hash(p) == hash((1, 2)), list(p), tuple(p), type(tuple(p)).__name__, sorted(Pair(3, 1)), 1 in p, p.count(1), p.index(2), json.dumps(p), {p: 1}[(1, 2)], max(p), str(p), "%s" % (p,))
a, b = p
print(a, b, *p, [*p], isinstance(p, tuple))
class Vec(tuple):
    def __add__(self, o):
        return Vec(x + y for x, y in zip(self, o))
    def __mul__(self, k):
        return Vec(x * k for x in self)
    __rmul__ = __mul__
    def __getitem__(self, i):
        return tuple.__getitem__(self, i) * 10
    def __len__(self):
        return 42
    def __iter__(self):
        return iter([7, 8])
v = Vec((1, 2))
print(v + Vec((3, 4)), v * 2, 2 * v, type(v * 2).__name__, v[0], len(v), list(v), tuple(v), sorted(v), [x for x in v], 7 in v, sum(v), json.dumps(v), repr(v), str(v), v == (1, 2), set(v), min(v), ", ".join(map(str, v)))
class Stack(list):
    def __init__(self, *items):
        super().__init__(items)
        self.pushes = 0
    def push(self, x):
        self.pushes += 1
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack(1, 2)
s.push(3)
print(s, repr(s), s.pushes, s.peek(), len(s), s[1:], type(s[1:]).__name__, s + [4], type(s + [4]).__name__, type(s * 2).__name__, type(s.copy()).__name__, sorted(s, reverse=True), s == [1, 2, 3], json.dumps(s), list(reversed(s)), 3 in s)
s += [9]
print(s, type(s).__name__, s.pushes)
s *= 2
print(s, type(s).__name__)
class Logged(list):
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)
    def append(self, v):
        print("append", v)
        super().append(v)
    def __getitem__(self, i):
        r = super().__getitem__(i)
        return r
    def __len__(self):
        return super().__len__() * 100
    def __iter__(self):
        yield from ("a", "b")
    def __contains__(self, x):
        return x == "c"
    def __eq__(self, o):
        return "eq"
    def __repr__(self):
        return "Logged!"
l = Logged([1, 2])
l[0] = 5
l.append(6)
print(l, len(l), list(l), sorted(l), "c" in l, 1 in l, l == 3, str(l), [l], json.dumps(list(l)), l[0], l[:2], bool(l), tuple(l), "".join(l))
class OrderedList(list):
    def __getitem__(self, i):
        return "g"
ol = OrderedList([1, 2])
print(list(ol), [x for x in ol], ol[0], ol[-1], tuple(ol), sorted(ol), max(ol), min(ol), sum(ol), dict.fromkeys(ol), set(ol), *ol, any(ol), list(zip(ol, ol)), list(enumerate(ol)), list(map(str, ol)), list(reversed(ol)))
class RevList(list):
    def __reversed__(self):
        return iter(["r"])
    def __len__(self):
        return 5
print(list(reversed(RevList([1, 2]))), len(RevList([1])), bool(RevList()))
