# Small tuple displays are allocated inline in the nursery; bigger ones,
# empty ones and starred ones by the runtime. All must be ordinary tuples
# that survive collections.
import gc


def make_tree(d):
    if d == 0:
        return (None, None)
    d -= 1
    return (make_tree(d), make_tree(d))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def shapes(i):
    s = str(i)
    return [(s,), (s, i), (i, s, [i]), (1, 2, 3, s), (s, s, s, s, s), (i,) * 6 and (1, 2, 3, 4, 5, 6, s),
            (1, 2, 3, 4, 5, 6, 7, s), (1, 2, 3, 4, 5, 6, 7, 8, s), (), (*[i, s],), ((s, i), (i, (s,)))]


keep = []
for i in range(200):
    keep.append(shapes(i))
    if i % 50 == 0:
        gc.collect()
print(check_tree(make_tree(8)), sum(check_tree(make_tree(4)) for _ in range(20)))
print(keep[0])
print(keep[199][1], keep[123][-1], len(keep[17][7]), type(keep[5][3]).__name__)
print(keep[7][1] == ("7", 7), hash(keep[7][1]) == hash(("7", 7)), len(keep[7][8]) == 0)
long_lived = make_tree(7)
for _ in range(10):
    make_tree(6)
print(check_tree(long_lived))
a, b = (1, 2)
b, a = a, b
print(a, b, (a, b) < (b, a), isinstance((a,), tuple))
