import inspect, functools, asyncio
from typing import Optional, List
def f(a, b: int = 2, /, c=3, *args: str, d, e: 'float' = 5.0, **kw) -> Optional[int]:
    """Do f.

        Indented more.
    """
def g(x, y): yield x
async def h(): pass
async def ag(): yield 1
class Base:
    """Base doc."""
    def m(self, x, *, flag=False) -> List[int]: "m doc"
class C(Base):
    def __init__(self, name: str, size=10): self.name = name
    def m(self, x, *, flag=False): pass
    @staticmethod
    def s(y): pass
    @classmethod
    def k(cls, z=1): pass
    def __call__(self, q, r=0): pass
print(inspect.signature(f), repr(inspect.signature(f)), inspect.signature(g), inspect.signature(h))
sig = inspect.signature(f)
for name, p in sig.parameters.items():
    print(name, p.kind, p.kind.description, p.default, p.annotation, repr(p), str(p))
print(sig.return_annotation, inspect.signature(C), inspect.signature(C('a').m), inspect.signature(C.m), inspect.signature(C.s), inspect.signature(C.k), inspect.signature(C('x')))
print(inspect.signature(lambda x, *y, **z: 0), inspect.signature(functools.partial(f, 1, d=4)), inspect.signature(functools.partial(C.m, None, 3)))
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k): return fn(*a, **k)
    return w
@deco
def wrapped(p, q=1): pass
print(inspect.signature(wrapped), inspect.signature(wrapped, follow_wrapped=False), inspect.unwrap(wrapped).__name__)
b = inspect.signature(f).bind(1, 2, 3, 4, 5, d=6, z=7)
print(b, b.args, b.kwargs, b.arguments)
b2 = inspect.signature(wrapped).bind(9); b2.apply_defaults(); print(b2, inspect.getcallargs(wrapped, 1, q=3))
for args, kw in [((), {}), ((1, 2, 3, 4), {'d': 1, 'c': 5}), ((1,), {'b': 2, 'd': 1}), ((1,), {'d': 1, 'zz': 2})]:
    try:
        inspect.signature(f).bind(*args, **kw)
    except TypeError as e:
        print('TypeError', e)
try:
    inspect.signature(wrapped).bind(1, 2, 3)
except TypeError as e:
    print(e)
print(inspect.signature(wrapped).bind_partial(q=5))
print(inspect.isfunction(f), inspect.isfunction(len), inspect.ismethod(C('a').m), inspect.ismethod(C.m), inspect.isclass(C), inspect.isclass(C('a')))
print(inspect.isgeneratorfunction(g), inspect.isgeneratorfunction(f), inspect.isgenerator(g(1, 2)), inspect.iscoroutinefunction(h), inspect.iscoroutinefunction(g), inspect.isasyncgenfunction(ag), inspect.isbuiltin(len), inspect.isroutine(len), inspect.isroutine(f), inspect.ismodule(inspect))
co = h(); print(inspect.iscoroutine(co), inspect.isawaitable(co)); co.close()
print(inspect.isabstract(C), inspect.getdoc(f), inspect.getdoc(C), inspect.getdoc(C('a').m), inspect.cleandoc('  a\n    b\n  c\n'), inspect.getmro(C))
print([n for n, v in inspect.getmembers(C, inspect.isfunction)], inspect.getmodule(f).__name__, inspect.getfile(f).endswith('.py'))
print(inspect.getfullargspec(f))
print(inspect.Parameter('x', inspect.Parameter.KEYWORD_ONLY, default=3), inspect.Signature([inspect.Parameter('a', inspect.Parameter.POSITIONAL_ONLY)]), inspect.Parameter.empty, inspect.signature(lambda: 0).parameters)
try:
    inspect.signature(3)
except TypeError as e:
    print(e)
def handler(request, user=None): pass
def dispatch(fn, **available):
    params = inspect.signature(fn).parameters
    return fn(**{k: v for k, v in available.items() if k in params})
print(dispatch(handler, request=1, user=2, extra=3))
print(inspect.getcallargs(C('a').m, 1)['x'])
