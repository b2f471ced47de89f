# Classes derived from the immutable builtin types (int, float, str, bytes,
# tuple, frozenset) and from set: their value comes from the builtin's
# __new__, they take attributes and methods, and the builtin's operations
# return builtin-typed results exactly where CPython's do.
class MyInt(int):
    def double(self):
        return self * 2
a = MyInt(21)
print(a, repr(a), a + 1, type(a + 1).__name__, a.double(), type(a).__name__, isinstance(a, int))
print(a == 21, hash(a) == hash(21), {21: 'x'}[a], a < 30, -a, type(-a).__name__, +a, type(+a).__name__, abs(a))
print(int(a), type(int(a)).__name__, str(a), f'{a:>5}', '%d' % a, [0, 1, 2][MyInt(1)], range(MyInt(3)))
a.label = 'big'
print(a.label, vars(a))
big = MyInt(2 ** 70)
print(big, big + 1, big // 3, type(big).__name__, MyInt('ff', 16), bool(MyInt(0)))
class MyFloat(float):
    pass
f = MyFloat(1.5)
print(f, f + 1, type(f + 1).__name__, type(+f).__name__, f * 2, round(f), int(f), f.is_integer())
class MyStr(str):
    def shout(self):
        return self.upper() + '!'
s = MyStr('hello')
print(s, repr(s), s.shout(), type(s.upper()).__name__, len(s), s[1], s[1:3], type(s[:]).__name__, s + 'x', type(s * 1).__name__)
print(s == 'hello', {'hello': 1}[s], 'ell' in s, s.split('l'), type(str(s)).__name__, type(s.strip()).__name__, list(s)[:2])
s.tag = 1
print(s.tag, s.startswith('he'), '%s!' % s, f'{s}', s.__class__.__name__)
class MyTuple(tuple):
    @property
    def first(self):
        return self[0]
t = MyTuple([1, 2, 3])
print(t, t.first, len(t), t + (4,), type(t + (4,)).__name__, type(t[:]).__name__, t.count(2), tuple(t) == t, type(tuple(t)).__name__)
class MyBytes(bytes):
    pass
b = MyBytes(b'abc')
print(b, len(b), b[0], b.upper(), type(b.upper()).__name__, type(b[:]).__name__)
class MySet(set):
    def add_all(self, *xs):
        for x in xs: self.add(x)
ms = MySet([1, 2])
ms.add_all(3, 4)
print(sorted(ms), type(ms).__name__, len(ms), 3 in ms, sorted(ms | {9}), type(ms | {9}).__name__)
class MyFS(frozenset):
    pass
fs = MyFS([1, 2, 3])
print(sorted(fs), type(fs).__name__, hash(fs) == hash(frozenset([1, 2, 3])), fs == {1, 2, 3}, type(fs.copy()).__name__)
