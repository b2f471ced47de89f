# locals() inside comprehensions and generator expressions (CPython 3.11:
# the comprehension's own scope, with its iterator as ".0" and the
# variables it reads from the enclosing function), and locals() of a
# function returning one dict per frame run, updated at each call.

def names(d):
    return sorted(k for k in d)

def f():
    y = 1
    z = 2
    items = [10, 20]
    print([names(locals()) for x in range(2) if y])
    print([sorted((k, v) for k, v in locals().items() if k != '.0') for x in items])
    print([[names(locals()) for b in range(1)] for a in range(1)])
    print([type(locals()['.0']).__name__ for q in items])
    print([type(locals()['.0']).__name__ for q in range(3)][:1])
    print({k: names(locals()) for k in "ab"})
    print({names(locals())[1] for s in items})
    print(list(names(locals()) for w in (5,)))
    print([(lambda: names(locals()))() for u in items])
    d = [locals() for x in range(3)]
    print(d[0] is d[1], d[0]['x'])
    e = [locals() for x in range(3)]
    print(d[0] is e[0])

def g():
    a = locals()
    b = 1
    c = locals()
    print(a is c, names(a))
    del b
    locals()
    print(names(a))
    a['extra'] = 5
    locals()
    print(names(a))

def h(n):
    out = []
    for i in range(n):
        out.append(locals())
    print(out[0] is out[-1], out[0]['i'])

f()
g()
h(3)
print([names(locals()) for a in range(1)])

class C:
    vals = [1, 2]
    print([names(locals()) for v in vals])


# Float locals the compiler keeps unboxed are in locals() too.
def floats():
    x = 1.5
    for i in range(3):
        x = x * 2.0 + 0.5
    return locals()


def floats_comp():
    y = 0.5
    out = [locals()['y'] + z for z in (1.0, 2.0) if y]
    y = y * 3.0
    return out, y, locals()['y']


def gen():
    a = 1
    yield locals()
    b = 2
    yield locals()


print(floats(), floats_comp())
it = gen()
d1 = next(it)
d2 = next(it)
print(d1 is d2, d1)
