import pprint
from collections import OrderedDict, defaultdict, Counter, deque
from dataclasses import dataclass, field

data = {'name': 'Widget', 'tags': ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'],
        'dims': {'w': 10, 'h': 20, 'd': 30}, 'matrix': [[i * j for j in range(8)] for i in range(6)],
        'b': (1, 2, 3), 'nested': {'deep': {'deeper': {'deepest': list(range(30))}}}, 'empty': {}, 'one': (1,)}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, depth=2)
pprint.pprint(data, compact=True, width=50)
pprint.pprint(data, sort_dicts=False, width=60)
pprint.pp({'z': 1, 'a': 2})
pprint.pprint({'z': 1, 'a': 2, 3: 'x'} if False else {'z': 1, 'a': 2})
print(pprint.pformat(list(range(40))))
print(pprint.pformat(tuple(range(30)), width=30))
print(pprint.pformat({3, 1, 2}), pprint.pformat(set(range(30)), width=40))
print(pprint.pformat(frozenset(range(25)), width=40))
s = 'The quick brown fox jumps over the lazy dog. ' * 4
print(pprint.pformat(s))
print(pprint.pformat({'text': s, 'lines': 'line one\nline two\n' * 3}, width=50))
print(pprint.pformat([b'\x00\x01\x02' * 20, b'abc'], width=40))
print(pprint.pformat(b'0123456789abcdefghijklmnop' * 3, width=30))
print(pprint.pformat(OrderedDict((str(i), i) for i in range(12)), width=40))
print(pprint.pformat(defaultdict(list, {k: list(range(k)) for k in range(6)}), width=40))
print(pprint.pformat(Counter('abracadabra' * 3), width=30))
print(pprint.pformat(deque(range(25)), width=40), pprint.pformat(deque(range(25), maxlen=30), width=40))


@dataclass
class Point:
    x: int
    y: int
    tags: list = field(default_factory=list)
    hidden: int = field(default=0, repr=False)


print(pprint.pformat(Point(1, 2, ['a' * 20, 'b' * 20, 'c' * 20]), width=40))
print(pprint.pformat([Point(1, 2)]))
r = [1, 2]
r.append(r)
print(pprint.pformat(r).replace(str(id(r)), 'ID'), pprint.saferepr(r).replace(str(id(r)), 'ID'), pprint.isrecursive(r), pprint.isreadable(r), pprint.isreadable([1, 'a']))
d = {'k': None}
d['k'] = d
print(pprint.pformat(d).replace(str(id(d)), 'ID'))
print(pprint.saferepr({'b': [1, 2], 'a': (3,)}), pprint.pformat(12345678, underscore_numbers=True), pprint.pformat([10**9] * 3, underscore_numbers=True))
pp = pprint.PrettyPrinter(width=30, indent=2)
print(pp.pformat({'alpha': [1, 2, 3], 'beta': 'x' * 30}))
pp.pprint(['short', 'list'])
print(pprint.pformat([[1, 2, [3, 4, [5, 6]]]], depth=2), pprint.pformat({'a': {'b': {'c': 1}}}, depth=1))
for bad in (lambda: pprint.PrettyPrinter(indent=-1), lambda: pprint.PrettyPrinter(depth=0), lambda: pprint.PrettyPrinter(width=0)):
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
