# Set algebra on ints: displays, comprehensions, methods, operators,
# in-place operators, comparisons, frozensets as dict keys, and reprs in
# CPython's own iteration order.

evens = {n for n in range(0, 20, 2)}
threes = set(range(0, 20, 3))
primes = {2, 3, 5, 7, 11, 13, 17, 19}
print(evens)
print(threes)
print(primes)
print(evens | threes)
print(evens & threes, evens - threes, threes - evens)
print(evens ^ primes)
print(primes.union([23, 29], (31,)), primes.intersection(evens, threes))
print(primes.difference(evens, [3]), primes.symmetric_difference(range(10)))
print(evens < set(range(20)), {2} <= primes, primes > {2, 3}, primes == frozenset(primes))
print(primes.issubset(range(30)), primes.isdisjoint({4, 6, 8}), evens.issuperset([0, 2, 4]))
print(7 in primes, 8 in primes, len(primes), sorted(primes, reverse=True)[:3])

s = set()
for n in [5, 3, 9, 3, 5, 1, 14, 9]:
    s.add(n)
print(s, len(s))
s.discard(100)
s.remove(3)
s |= {40, 8}
s &= set(range(10, 50)) | {1, 5}
print(s)
s -= {1}
s ^= {5, 6}
print(s)
s.update([64, 32], {16})
print(s)
while s:
    s.pop()
print(s, bool(s))

# negative numbers and collisions print in CPython's table order
low = -1
print({low, -2, -3, 7, 15, 23, 31})
print(set([100, 8, 16, 3, 24, 32]), {x * 8 for x in range(6)})
print({1, 1.0, True}, {True, 1}, {0.5, 1.5, -0.5})

# frozensets: hashable, usable as dict keys and set members
pairs = {frozenset({a, b}) for a in range(3) for b in range(3) if a != b}
print(len(pairs), frozenset({1, 2}) in pairs, frozenset() in pairs)
edges = {frozenset({1, 2}): "a", frozenset({2, 3}): "b"}
print(edges[frozenset({2, 1})], hash(frozenset({1, 2})), hash(frozenset()))
print(frozenset({3, 1, 2}), frozenset(), set(), frozenset({1}) | {2}, {2} | frozenset({1}))
fs = frozenset(range(5))
print(fs.copy() is fs, frozenset(fs) is fs, fs - {0, 1}, fs & {3, 9})

# a set of tuples and a set of frozensets
grid = {(x, y) for x in range(3) for y in range(2)}
print(sorted(grid), (2, 1) in grid, (3, 1) in grid)
nested = {frozenset({1}), frozenset({1, 2})}
print({1} in nested, {3} in nested)
