# Argument errors of set, frozenset and dict-view methods name the
# receiver's type (the name is built only for the error).
s = {1, 2}
fs = frozenset([1, 2])
calls = [
    lambda: s.add(),
    lambda: s.add(1, 2),
    lambda: s.add(x=1),
    lambda: s.clear(1),
    lambda: s.discard(),
    lambda: fs.isdisjoint(),
    lambda: fs.copy(1),
    lambda: {}.keys().isdisjoint(),
    lambda: {}.items().isdisjoint(1, 2),
    lambda: {}.keys().isdisjoint(other=1),
]
for c in calls:
    try:
        print(c())
    except TypeError as e:
        print("TypeError:", e)
s.add(3)
s.discard(1)
print(sorted(s), fs.isdisjoint([5]), {1: 2}.keys().isdisjoint([2]), s.union([9], [10]) == {2, 3, 9, 10})
