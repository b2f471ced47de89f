# Operations of int, float, str and tuple subclasses: what types come back
# (the builtin's, except where CPython hands back the receiver: str % ()
# and str.format with nothing to replace), conversions, hashing, sorting.
import math
class I(int): pass
class F(float): pass
class S(str): pass
class T(tuple): pass
a, b = I(7), I(-3)
print(divmod(a, 2), pow(a, 2), pow(a, 2, 5), a & 3, a | 8, a ^ 1, a << 2, a >> 1, ~a, a / 2, a // b, a % b)
print(math.sqrt(I(16)), float(a), math.gcd(I(12), 8), hex(a), bin(a), oct(a), '%x|%5d|%r' % (a, a, a), format(a, '08b'))
print(a.bit_length(), a.to_bytes(2, 'big'), I.from_bytes(b'\x01\x00', 'big'), type(I.from_bytes(b'\x01', 'big')).__name__)
print(a.real, type(a.real).__name__, a.numerator, a.conjugate(), type(a.conjugate()).__name__, int.__add__(a, 1))
print(sum([I(1), I(2)]), max(I(3), 5), min([F(2.5), 1]), sorted([I(3), I(1), 2]), round(F(2.675), 2), abs(F(-1.5)))
print(F(2.5).as_integer_ratio(), F(3.0).is_integer(), math.floor(F(2.5)), type(F(2.5) * 2).__name__, F(1) == 1, hash(F(1.0)) == hash(1))
s = S('a,b,c')
print(s.split(','), s.replace('a', 'z'), type(s.replace('x', 'y')).__name__, s.join(['1', '2']), S('x').join([S('a'), 'b']))
print(sorted([S('b'), S('a'), 'c']), ' '.join([S('p'), S('q')]), S('%s-%s') % (1, 2), type(S('abc') % ()).__name__, S('abc').center(7, '*'))
print(S('A').lower(), type(S('a').lower()).__name__, S(' x ').strip(), S('ab').encode(), S('x').__class__.__bases__[0].__name__, S('abc')[::-1])
print(type('' + S('x')).__name__, type(S('x') + '').__name__, type(S('x').format()).__name__, f'{S("q")!r}', S('q') in {'q': 1})
t = T((1, 2, 3))
print(t[0:2], type(t[0:2]).__name__, t * 2, type(t * 1).__name__, t.index(2), hash(t) == hash((1, 2, 3)), (1, 2, 3) == t, t < (1, 2, 4), list(t), [*t])
x, y, z = t
print(x + y + z, dict([T(('k', 'v'))]), set(T((1, 1, 2))), T(), type(T()).__name__, T('ab'))
class W(str):
    def __str__(self):
        return 'W!'
    def __eq__(self, other):
        return True
    __hash__ = str.__hash__
w = W('w')
print(w, str(w), '%s' % w, f'{w}', w == 'zzz', repr(w), {w: 1}['w'])
