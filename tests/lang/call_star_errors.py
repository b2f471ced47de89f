# Calls with * and ** arguments: CPython's TypeErrors naming the callee
# (module-qualified for Python functions and methods) for a repeated
# keyword, a ** argument that is not a mapping, keys that are not
# strings and a * argument that is not iterable.
from collections import UserDict


def f(*args, **kw):
    return args, kw


class A:
    def m(self, **kw):
        return kw

    def __call__(self, **kw):
        return kw


class Keys:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, k):
        return k * 2


class Bad:
    def __iter__(self):
        raise TypeError("custom iter failure")


cases = [
    lambda: f(**{'a': 1}, **{'a': 2}),
    lambda: f(a=1, **{'a': 2}),
    lambda: f(**{'a': 1}, a=2),
    lambda: f(**1),
    lambda: f(**{1: 2}),
    lambda: A().m(**{'a': 1}, a=1),
    lambda: A.m(**{'a': 1}, a=1),
    lambda: print(**{'sep': 1}, sep=2),
    lambda: f(*1),
    lambda: f(1, *None),
    lambda: [*None],
    lambda: (1, *5),
    lambda: len(**{'a': 1}, a=2),
    lambda: (lambda **k: k)(**[1]),
    lambda: f(*Bad()),
    lambda: dict(**{'a': 1}, a=3),
]
for c in cases:
    try:
        print(c())
    except TypeError as e:
        print("TypeError:", e)
print(f(**Keys()), f(*"ab", **UserDict(z=1)), f(**{'a': 1}, b=2, **{'c': 3}))
