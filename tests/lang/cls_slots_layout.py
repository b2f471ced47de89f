# __slots__ members at fixed offsets: inheritance, mixing with dicts and
# shapes, builtin bases, errors, __class__ assignment, deletion.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

class P3(P):
    __slots__ = ('z',)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

class Free(P3):
    pass

p = P3(1, 2, 3)
print(p.x, p.y, p.z)
f = Free(4, 5, 6)
f.w = 7
print(f.x, f.y, f.z, f.w, f.__dict__)
try:
    P(1, 2).w = 3
except AttributeError as e:
    print("AttributeError:", e)
q = P.__new__(P)
try:
    q.x
except AttributeError as e:
    print("AttributeError:", e)
q.x = 10
print(q.x)
del q.x
try:
    del q.x
except AttributeError as e:
    print(repr(e))
try:
    print(q.x)
except AttributeError as e:
    print("AttributeError:", e)

# a slotted subclass of a plain class (which has a dict and shapes)
class Plain:
    def __init__(self):
        self.a = 1
        self.b = 2
class SP(Plain):
    __slots__ = ('s',)
    def __init__(self):
        super().__init__()
        self.s = 'slot'
sp = SP()
sp.c = 3
print(sp.a, sp.b, sp.c, sp.s, sorted(sp.__dict__.items()))
for i in range(12):
    setattr(sp, 'k%d' % i, i)
print(sp.s, sp.k11, len(sp.__dict__))

# __dict__ in __slots__
class WD:
    __slots__ = ('v', '__dict__')
wd = WD()
wd.v = 1
wd.other = 2
print(wd.v, wd.__dict__)

# layout conflicts and builtin bases
class A:
    __slots__ = ('a',)
class B:
    __slots__ = ('b',)
try:
    class C(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class E:
    __slots__ = ()
class AE(A, E):
    pass
ae = AE()
ae.a = 5
ae.extra = 6
print(ae.a, ae.extra)
class A2(A):
    pass
class A3(A):
    pass
class A23(A2, A3):
    __slots__ = ('c',)
o = A23()
o.a, o.c = 1, 2
print(o.a, o.c)
for base in (int, bytes, tuple):
    try:
        class X(base):
            __slots__ = ('q',)
    except TypeError as e:
        print("TypeError:", e)
class FS(float):
    __slots__ = ('unit',)
fs = FS(2.5)
fs.unit = 'm'
print(fs, fs.unit, fs * 2)
class LS(list):
    __slots__ = ('tag',)
ls = LS([1, 2, 3])
ls.tag = 'L'
ls.append(4)
print(ls, ls.tag, len(ls))
class DS(dict):
    __slots__ = ('tag',)
ds = DS(a=1)
ds.tag = 'D'
print(ds, ds.tag)
class ES(Exception):
    __slots__ = ('code',)
try:
    e = ES('bad')
    e.code = 42
    raise e
except ES as ex:
    print(repr(ex), ex.code)
class SS(str):
    __slots__ = ('n',)
ss = SS('hi')
ss.n = 1
print(ss, ss.n, ss.upper())

# __class__ assignment between compatible layouts
class P2(P):
    __slots__ = ('z',)
p3 = P3(1, 2, 3)
p3.__class__ = P2
print(type(p3).__name__, p3.x, p3.z)
try:
    p3.__class__ = P
except TypeError as e:
    print("TypeError:", e)

# descriptors of the class
print(P.x, type(P.__dict__['x']).__name__)
try:
    P.x.__set__(Plain(), 1)
except TypeError as e:
    print("TypeError:", e)
print(P.x.__get__(p, P3))

# many objects: values survive collections
objs = [P3(i, str(i), [i]) for i in range(3000)]
print(sum(o.x for o in objs), objs[-1].y, objs[12345].z)
