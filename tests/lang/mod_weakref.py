import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return 'hi ' + self.name


a = Node('a')
r = weakref.ref(a)
print(r() is a, r().name, r == weakref.ref(a), isinstance(r, weakref.ReferenceType))
cache = weakref.WeakValueDictionary()
cache['x'] = a
print('x' in cache, cache['x'].name, len(cache), list(cache.keys()), cache.get('y'))
del cache['x']
print(len(cache))
meta = weakref.WeakKeyDictionary()
meta[a] = 'data'
print(meta[a], a in meta, len(meta))
s = weakref.WeakSet([a])
b = Node('b')
s.add(b)
print(len(s), a in s, sorted(n.name for n in s))
s.discard(b)
print(len(s))
m = weakref.WeakMethod(a.greet)
print(m()())
calls = []
f = weakref.finalize(a, calls.append, 'finalized')
print(f.alive, f.peek()[2])
f()
print(f.alive, calls, f())
p = weakref.proxy(a)
print(p.name)
for bad in (lambda: weakref.ref(1), lambda: weakref.ref([]), lambda: weakref.WeakSet().add('s')):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
