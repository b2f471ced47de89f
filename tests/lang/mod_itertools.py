import itertools as it
from itertools import *
import operator
from operator import itemgetter, attrgetter, methodcaller
print(list(islice(count(5), 4)), list(islice(count(1, 0.5), 3)), count(3), count(2, 3))
print(list(islice(cycle('ABC'), 7)), list(repeat('x', 3)), repeat(1, 2), repeat(4))
print(list(accumulate([1,2,3,4])), list(accumulate([1,2,3], operator.mul)), list(accumulate([1,2], initial=100)))
print(list(chain('ab', [1, 2])), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('ABCDEF', [1,0,1,0,1,1])), list(dropwhile(lambda x: x<5, [1,4,6,4,1])))
print(list(takewhile(lambda x: x<5, [1,4,6,4,1])), list(filterfalse(lambda x: x%2, range(10))))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, len(list(g))) for k, g in groupby(sorted(['apple','avocado','banana','blue','cherry']), key=lambda w: w[0])])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
t = iter(range(10)); print(list(islice(t, 2, 8, 3)), next(t))
print(list(pairwise('ABCDE')), list(starmap(pow, [(2,5), (3,2)])))
a, b = tee([1,2,3]); print(list(a), list(b))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(product('AB', repeat=2)), list(product([1,2],[3,4])), len(list(product(range(3), repeat=3))))
print(list(permutations('ABC', 2)), len(list(permutations(range(4)))))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations_with_replacement('ABC', 2)))
try: islice('abc', -1)
except ValueError as e: print(e)
print(itemgetter(1)([1,2,3]), itemgetter(0, 2)('abc'), itemgetter('a'))
class P: pass
p = P(); p.x = P(); p.x.y = 5; p.n = 'nm'
print(attrgetter('x.y')(p), attrgetter('n', 'x.y')(p), attrgetter('x.y'))
print(methodcaller('upper')('abc'), methodcaller('split', ',', maxsplit=1)('a,b,c'), methodcaller('f', 1, k=2))
print(operator.add(2, 3), operator.mul('a', 3), operator.neg(5), operator.contains([1], 1), operator.truth(0))
print(operator.countOf([1,2,1], 1), operator.indexOf([5,6], 6), operator.index(7), operator.iadd([1], [2]))
print(sorted([('b', 2), ('a', 3)], key=itemgetter(1), reverse=True))
print(operator.length_hint([1,2]), operator.length_hint(iter([])), operator.is_(None, None))
