# Function objects as decorators and introspection read them: names, docs,
# defaults (assigned ones used by later calls), __dict__, __wrapped__, code
# objects, bound methods, builtins, property docs, cells, generators' names.
import functools
def f(a, b=2, *args, c, d=4, **kw):
    """Doc of f."""
    x = 1
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__defaults__, f.__kwdefaults__, f.__dict__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_varnames[:5], f.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount)
f.calls = 0
f.calls += 1
print(f.calls, f.__dict__, vars(f))
class C:
    def m(self, x=1):
        "method doc"
        return x
    @classmethod
    def cm(cls):
        pass
    @staticmethod
    def sm():
        pass
    @property
    def p(self):
        "prop doc"
        return 1
c = C()
bm = c.m
print(bm.__self__ is c, bm.__func__ is C.m, bm.__name__, bm.__qualname__, bm.__doc__, bm.__module__, bm.__defaults__)
print(C.cm.__self__ is C, C.cm.__func__.__qualname__, C.sm.__name__, C.sm.__qualname__, C.p.__doc__, type(C.__dict__["sm"]).__name__, C.__dict__["sm"].__func__.__name__)
print(len.__name__, len.__qualname__, len.__module__, print.__name__, len.__self__, [].append.__name__, [].append.__qualname__, type([].append.__self__).__name__, "".join.__self__ == "", str.join.__name__, str.join.__qualname__)
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    return wrapper
@deco
def g(x):
    """g doc"""
    return x * 2
g(1); g(2)
print(g.__name__, g.__doc__, g.__wrapped__.__name__, g.calls, g.__qualname__, g.__module__, g.__dict__.keys())
lam = lambda x, y=3: x
print(lam.__name__, lam.__qualname__, lam.__defaults__, lam.__code__.co_argcount, lam.__doc__)
def outer():
    def inner(q):
        return q
    return inner
i = outer()
print(i.__name__, i.__qualname__, i.__code__.co_name, i.__code__.co_qualname)
f.__defaults__ = (10,)
print(f.__defaults__)
def h(a, b=5):
    return a + b
h.__defaults__ = (100,)
print(h(1))
def k(*, z=1):
    return z
k.__kwdefaults__ = {"z": 9}
print(k())
f.__name__ = "renamed"
f.__qualname__ = "Q.renamed"
f.__doc__ = "new doc"
print(f.__name__, f.__qualname__, f.__doc__, repr(f)[:24])
print(callable(f), hasattr(f, "__call__"), hasattr(f, "__get__"), type(f).__name__, type(bm).__name__, type(len).__name__, type(C.cm).__name__)
print(f.__annotations__, h.__closure__, i.__closure__)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
inc = counter()
inc()
print(inc.__closure__[0].cell_contents, len(inc.__closure__), type(inc.__closure__[0]).__name__)
p = functools.partial(h, 1)
print(p(), p.func is h, p.args, p.keywords)
print(repr(len), repr(C.sm)[:18], repr(bm)[:18], repr(c.__init__)[:30], str.upper, repr("".upper)[:30])
def gen():
    yield 1
gg = gen()
print(gg.__name__, gg.__qualname__, type(gg).__name__)
print(sorted.__name__, sorted.__qualname__, max.__name__, int.__name__, int.__qualname__, int.from_bytes.__name__, dict.fromkeys.__qualname__)
print(C.m.__get__(c)(), C.m.__get__(c, C)(5), f.__get__(1).__self__)
def kwo(a, /, b, *, c): pass
print(kwo.__code__.co_posonlyargcount, kwo.__code__.co_argcount, kwo.__code__.co_kwonlyargcount, kwo.__code__.co_varnames)
print(f.__code__.co_filename.endswith("fo.py"), f.__code__.co_firstlineno, C.m.__code__.co_firstlineno, g.__wrapped__.__code__.co_firstlineno)

def gen():
    yield 1
g = gen()
print(g.__name__, g.__qualname__, g.gi_running)
class K:
    def items(self):
        yield from range(2)
    def outer(self):
        def inner():
            yield 1
        return inner()
print(K().items().__qualname__, K().outer().__qualname__, K().outer().__name__)
ge = (x for x in range(3))
print(ge.__name__, ge.__qualname__)
def f():
    return (y for y in "ab")
print(f().__name__, f().__qualname__)

def a(): pass
@functools.lru_cache
def b(): pass

@staticmethod
@functools.wraps(a)
def c(): pass
class K:
    @property
    def p(self): pass
    async def q(self): pass
    def g(self):
        yield 1
lam = lambda: 0
print(a.__code__.co_firstlineno, b.__wrapped__.__code__.co_firstlineno, c.__func__.__code__.co_firstlineno, K.p.fget.__code__.co_firstlineno, K.q.__code__.co_firstlineno, K.g.__code__.co_firstlineno, lam.__code__.co_firstlineno)
