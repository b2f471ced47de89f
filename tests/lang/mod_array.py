from array import array
import array as array_mod

a = array('i', [1, 2, 3])
print(a, repr(array('d')), a.typecode, a.itemsize, len(a), a[0], a[-1], a[1:], list(a))
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
print(a, a.pop(), a.pop(0), a.index(3), a.count(2), 3 in a)
a.remove(2)
a.reverse()
print(a, a.tolist(), a * 2, a + array('i', [9]), sorted(a))
a[0] = 100
a[1:3] = array('i', [7, 8, 9])
del a[-1]
print(a, a == array('i', [100, 7, 8, 9]), a < array('i', [101]))
b = array('h', [1, -2, 300])
print(b.tobytes(), array('h', b.tobytes()), b.itemsize)
b.byteswap()
print(b)
f = array('f', [0.1, 1.5])
print(f, array('d', [0.1]), array('B', b'\x01\x02\xff'), array('b', [-128, 127]))
u = array('u', 'hello')
print(u, u.tounicode(), u[1], array('q', [2**62]).tobytes().hex(), array('L', [2**64 - 1]))
x = array('l', range(5))
x.fromlist([10, 11])
x.frombytes(array('l', [99]).tobytes())
print(x, x.buffer_info()[1], array_mod.typecodes)
for bad in (lambda: array('b', [200]), lambda: array('B', [-1]), lambda: array('h', [40000]), lambda: array('i', [2**31]),
            lambda: array('I', [-1]), lambda: array('i', [1.5]), lambda: array('x'), lambda: array('i', 'abc'),
            lambda: array('i').pop(), lambda: array('i', [1]).remove(5), lambda: array('i', [1]).index(7),
            lambda: array('i', [1])[5], lambda: array('i', [1]) + array('d', [1.0]), lambda: array('h').frombytes(b'abc'),
            lambda: array('u', [1]), lambda: array('d', ['x'])):
    try:
        print(bad())
    except (OverflowError, TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
