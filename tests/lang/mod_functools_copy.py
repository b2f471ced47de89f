import functools
from functools import reduce, partial, lru_cache, cache, wraps, total_ordering, cmp_to_key, singledispatch, cached_property
import copy
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
try: reduce(lambda a, b: a, [])
except TypeError as e: print(e)
def power(base, exp): return base ** exp
sq = partial(power, exp=2); print(sq(5), sq.func is power, sq.args, sq.keywords)
p2 = partial(partial(power, 2), 10); print(p2(), p2.args)
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@lru_cache(maxsize=2)
def sq2(x):
    print("computing", x); return x * x
sq2(1); sq2(2); sq2(1); sq2(3); sq2(2); print(sq2.cache_info()); sq2.cache_clear(); print(sq2.cache_info())
@cache
def fact(n): return 1 if n < 2 else n * fact(n - 1)
print(fact(20), fact.cache_info().misses)
@lru_cache
def plain(x): return x
print(plain(3), plain.cache_parameters())
def deco(f):
    @wraps(f)
    def wrapper(*a, **k):
        """wrapper doc"""
        return f(*a, **k)
    return wrapper
@deco
def hello(name: str) -> str:
    """Say hello."""
    return "hi " + name
print(hello("bob"), hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__annotations__)
@total_ordering
class V:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
    def __repr__(self): return f"V({self.n})"
print(V(1) < V(2), V(2) <= V(2), V(3) > V(2), V(1) >= V(2), sorted([V(3), V(1), V(2)]), max(V(5), V(4)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@singledispatch
def show(x): return f"object {x!r}"
@show.register
def _(x: int): return f"int {x}"
@show.register(list)
def _(x): return f"list of {len(x)}"
@show.register
def _(x: str | bytes): return f"text {x!r}"
print(show(1), show([1, 2]), show("s"), show(b"b"), show(2.5), show(True))
class Circle:
    def __init__(self, r): self.r = r
    @cached_property
    def area(self):
        print("computing area"); return 3 * self.r ** 2
c = Circle(2); print(c.area, c.area, 'area' in c.__dict__)
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); d = copy.deepcopy(a)
a[1].append(9); a[2]['k'].append(8)
print(b, d)
class Pt:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Pt({self.x}, {self.y})"
p = Pt([1], 2); q = copy.copy(p); r = copy.deepcopy(p); p.x.append(5); print(q, r, q is p)
cyc = [1]; cyc.append(cyc); dc = copy.deepcopy(cyc); print(dc[1] is dc, dc is not cyc)
class Cus:
    def __init__(self): self.v = 1
    def __copy__(self): print("custom copy"); return Cus()
    def __deepcopy__(self, memo): print("custom deepcopy"); return Cus()
copy.copy(Cus()); copy.deepcopy(Cus())
from collections import namedtuple, OrderedDict, defaultdict, Counter, deque
N = namedtuple('N', 'a b')
print(copy.deepcopy(N([1], 2)), copy.copy(OrderedDict(a=1)), copy.deepcopy(defaultdict(list, {'x': [1]})), copy.copy(Counter('aab')), copy.deepcopy(deque([1, [2]])))
t = (1, 2); print(copy.deepcopy(t) is t, copy.copy(t) is t)
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = [1]; self.b = 2
s = copy.deepcopy(S()); print(s.a, s.b)
