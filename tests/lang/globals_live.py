# globals() as a live namespace: writes through it (items, update,
# setdefault, del) are globals of the module, read as bare names too;
# module-level locals()/vars() is the same dict, as is the module's __dict__.
g = globals()
g['x'] = 1
print(x)
globals()['name'] = 'dyn'
print(name)
globals().update(a=1, b=2)
print(a + b)
print(globals().setdefault('c', 3), c)
del globals()['c']
try:
    print(c)
except NameError as e:
    print(e)
def f():
    return x + a
print(f())
def h():
    globals()['made_in_h'] = 42
h()
print(made_in_h)
y = 5
print(g['y'], 'y' in g, g is globals())
def k():
    global y
    y = 6
k()
print(g['y'])
for i in range(3):
    g['v%d' % i] = i * i
print(v0, v1, v2)
print(sorted(k for k in g if not k.startswith('__')))
import sys
m = sys.modules[__name__]
print(m.x, m.__dict__ is g)
m.zz = 9
print(zz)
setattr(m, 'ww', 10)
print(ww)
print(type(g).__name__, len(g) > 5)
def fn(): return 'fn1'
g['fn'] = lambda: 'fn2'
print(fn())
print(__name__)
print(locals() is g, vars() is g)
exec_like = {}
for key in ('alpha', 'beta'):
    globals()[key.upper()] = len(key)
print(ALPHA, BETA)
del ALPHA
print('ALPHA' in g)
try:
    ALPHA
except NameError as e:
    print(e)
def counter():
    g['count'] = g.get('count', 0) + 1
    return count
print(counter(), counter(), count)
class K:
    pass
print(g['K'] is K, g['__name__'])
g.pop('K')
try:
    K
except NameError as e:
    print(e)
print(len([n for n in g if n == 'f']))
