# array.array as a native type: every typecode's range errors, slices,
# in-place operators, float item arithmetic and CPython's exact messages.
from array import array, typecodes, ArrayType
import array as array_mod
import copy


def show(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__ + ':', e)


# range errors and conversions, per typecode
values = (-2**64, -2**63 - 1, -2**63, -2**31 - 1, -2**15 - 1, -129, -1, 0, 127, 128, 255, 256,
          2**15, 2**16, 2**31, 2**32, 2**63, 2**64, True, 1.5, 'x', None)
for c in 'bBhHiIlLqQ':
    lo = [v for v in values if isinstance(v, int)]
    for v in values:
        show(lambda: array(c, [v]))
    a = array(c, [1])
    for v in (-2**64, -1, 2**63, 2**64, 'x'):
        def setit():
            a[0] = v
        show(setit)
    print(c, a, a.itemsize)
for c in 'fd':
    for v in (1, 2**1024, 'x', None, 1.5, True, 0.1, 1e300):
        show(lambda: array(c, [v]))
for v in (1, 'xy', '', None, 'é', '\U0001f600'):
    show(lambda: array('u', [v]))

# constructor checks
for args in ((), ('i', [1], 3), (1,), ('ii',), ('', ), ('x',), ('i', 'abc'), ('i', array('u', 'ab')),
             ('u', array('i', [1]))):
    show(lambda: array(*args))
show(lambda: array('i', [1], foo=1))
print(array('d', array('i', [1, 2])), array('i', (1, 2)), array('i', range(3)), array('h', b'\x01\x00\x02\x00'),
      array('B', bytearray(b'ab')), array('u', 'hé'), array('i', (x * x for x in range(4))))
print(array('b', array('b', [5, 6])), array('q', iter([7])))

# item access
a = array('i', range(10))
print(a[0], a[-1], a[True], len(a), 5 in a, 11 in a, 5.0 in a)
show(lambda: a[10])
show(lambda: a[-11])
show(lambda: a['x'])
show(lambda: a[1.0])
def bad_store():
    a[10] = 1
show(bad_store)
def bad_del():
    del a[10]
show(bad_del)

# slices: read, assign, delete, extended
print(a[2:5], a[::2], a[::-1], a[8:2:-2], a[100:], a[-3:])
b = array('i', a)
b[2:5] = array('i', [20, 30])
print(b)
b[1:1] = array('i', [7, 7, 7])
print(b)
b[::2] = array('i', [0] * len(b[::2]))
print(b)
del b[::3]
print(b)
del b[1:3]
print(b)
b[:] = b
print(b)
b[len(b):] = b
print(b)
def bad1():
    b[0:2] = [1, 2]
show(bad1)
def bad2():
    b[0:2] = array('h', [1, 2])
show(bad2)
def bad3():
    b[::2] = array('i', [1])
show(bad3)

# in-place operators, concatenation, repetition
c = array('d', [1.0, 2.0])
d = c
c += array('d', [3.0])
c *= 2
print(c, d is c, c + array('d', [9.0]), c * 0, 2 * array('b', [1, 2]), array('b', [1]) * -1)
show(lambda: c + [1.0])
show(lambda: c + array('f', [1.0]))
def iadd_list():
    global c
    c += [1.0]
show(iadd_list)
show(lambda: [1] + array('i'))
show(lambda: 1 + array('i'))
show(lambda: array('i') * 1.5)

# float item arithmetic
re = array('d', [0.5 * i for i in range(8)])
im = array('d', [0.0] * 8)
for i in range(8):
    re[i] += 0.25
    im[i] -= re[i] * 2.0 - 1.0
    re[i] /= 3
print(re, im, sum(re), re[3] * im[3] - re[2] / 7)
f = array('f', [0.1, 1.0 / 3])
f[0] += 0.1
print(f, f[0] * 2, f.tolist())
ints = array('l', [1, 2, 3])
ints[1] += 40
ints[2] *= 2 ** 40
print(ints, ints[2] // 3)
show(lambda: ints.__setitem__(0, 2 ** 63))

# comparisons, hashing
print(array('i', [1, 2]) == array('d', [1.0, 2.0]), array('i', [1, 2]) < array('i', [1, 3]),
      array('i', [1]) <= array('i', [1]), array('i', [2]) > array('i', [1, 5]), array('i') != array('i'),
      array('i', [1]) == [1])
show(lambda: array('i') < [1])
show(lambda: hash(array('i')))

# methods
m = array('H', [3, 1, 4, 1, 5])
m.append(9)
m.extend([2, 6])
m.extend(array('H', [5]))
m.insert(0, 8)
m.insert(-100, 7)
m.insert(100, 0)
print(m, m.pop(), m.pop(0), m.pop(-2), m.index(1), m.index(1, 3), m.count(1), m.count(99))
m.remove(1)
m.reverse()
print(m, m.tolist(), m.typecode, m.itemsize, len(m))
show(lambda: m.index(99))
show(lambda: m.remove(99))
show(lambda: array('i').pop())
show(lambda: m.pop(100))
show(lambda: m.extend(array('h', [1])))
show(lambda: m.append(-1))
show(lambda: m.fromlist((1, 2)))
n = len(m)
show(lambda: m.fromlist([1, 2, -3]))
print(len(m) == n)
m.fromlist([10, 11])
print(m)
bts = array('h', [1, -2, 300]).tobytes()
print(bts, array('h', bts))
h = array('h')
h.frombytes(bts)
h.frombytes(bytearray(b'\xff\x7f'))
print(h)
show(lambda: h.frombytes(b'abc'))
show(lambda: h.frombytes('ab'))
h.byteswap()
print(h, array('d', [1.0]).tobytes(), array('f', [1.0]).tobytes())
u = array('u', 'hello')
u.fromunicode(' world')
u.append('!')
print(u, u.tounicode(), u[1], u[-1], u[1:3], len(u), u.itemsize)
show(lambda: u.fromunicode(5))
show(lambda: array('i').fromunicode('x'))
show(lambda: array('i').tounicode())
print(u.buffer_info()[1], typecodes, ArrayType is array, array_mod.array is array)

# iteration, reversed, copies, builtins over arrays
q = array('q', [5, -6, 2 ** 62, -2 ** 63])
print(list(q), list(reversed(q)), sorted(q), max(q), min(q), [x + 1 for x in q])
it = iter(q)
print(next(it), list(it), list(it))
cp = copy.copy(q)
dp = copy.deepcopy(q)
cp[0] = 0
print(q, cp, dp, dp == q, cp is q)
print(bytes(array('h', [1, 2])), bytearray(array('b', [1, -1])), b'x' + array('B', [65]))

# names
print(array.__name__, array.__module__, type(q), repr(array('i')), repr(array('d', [1.5])))
print(isinstance(q, array), isinstance([], array), type(q) is array)
show(lambda: q.nope)
show(lambda: array('i') < 1)


# float trees in a function: items read and stored as doubles in place
# for 'd' and 'f' arrays, the generic way for anything else
def butterfly(re, im, a, b, w):
    tr = re[b] * w - im[b] * 0.5
    ti = re[b] * 0.5 + im[b] * w
    re[b] = re[a] - tr
    im[b] = im[a] - ti
    re[a] += tr
    im[a] += ti
    re[-1] = re[0] * 2.0 + 1.0
    return tr, ti


for kind in ('d', 'f', 'list', 'i'):
    if kind == 'list':
        xs, ys = [1.0, 2.0, 3.0, 4.0], [0.5, 0.25, 0.125, 1.0]
    else:
        xs, ys = array(kind, [1, 2, 3, 4]), array(kind, [0, 1, 0, 1])
    for a, b in ((0, 1), (1, 3), (-4, -1), (2, 7)):
        try:
            print(kind, butterfly(xs, ys, a, b, 0.75), xs, ys)
        except Exception as e:
            print(kind, type(e).__name__ + ':', e, xs)
fs = array('f', [0.1, 0.2, 0.3, 0.7])
print(butterfly(fs, array('f', [0.3, 0.1, 0.9, 0.01]), 0, 2, 0.1), fs)
