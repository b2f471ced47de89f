# Recursive containers print with CPython's [...] / {...} markers, and
# star-unpacking works in list/tuple/set/dict displays and calls.
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
d = {"self": None}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
first = [1, 2]
second = (3, 4)
print([*first, *second, 5], (*second, *first), {*first, 9}, {**{"x": 1}, "y": 2, **{"x": 3}})
def show(*args, **kwargs):
    return f"{args} {sorted(kwargs.items())}"
print(show(*first, *second, k=1, **{"z": 0}))
head, *middle, tail = range(6)
(p, q), r = (7, 8), 9
print(head, middle, tail, p, q, r)
for i, (x, y) in enumerate([(1, "a"), (2, "b")]):
    print(i, x, y, end="; ")
print()
