# The exceptions dicts and sets raise, caught and printed with CPython's
# exact messages.

def show(label, exc):
    print(label, type(exc).__name__, exc)

d = {"a": 1, 2: "b"}
try:
    d["missing"]
except KeyError as e:
    show("getitem", e)
try:
    d[(1, 2)]
except KeyError as e:
    show("tuple key", e)
try:
    d[[1]] = 2
except TypeError as e:
    show("list key", e)
try:
    del d["nope"]
except KeyError as e:
    show("del", e)
try:
    {}.popitem()
except KeyError as e:
    show("popitem", e)
try:
    d.pop(99)
except KeyError as e:
    show("pop", e)
try:
    hash(d)
except TypeError as e:
    show("hash", e)
try:
    dict([("a", 1), ("b", 2, 3)])
except ValueError as e:
    show("pairs", e)
try:
    dict([1, 2])
except TypeError as e:
    show("not pairs", e)
try:
    {**[1]}
except TypeError as e:
    show("not a mapping", e)
try:
    d < d
except TypeError as e:
    show("order", e)
try:
    d | [("x", 1)]
except TypeError as e:
    show("or", e)
try:
    d.get()
except TypeError as e:
    show("get", e)

s = {1, 2, 3}
try:
    s.remove(4)
except KeyError as e:
    show("remove", e)
try:
    set().pop()
except KeyError as e:
    show("set pop", e)
try:
    s.add({4})
except TypeError as e:
    show("add set", e)
try:
    [1] in s
except TypeError as e:
    show("in", e)
try:
    s | [4]
except TypeError as e:
    show("set or", e)
try:
    s < [4]
except TypeError as e:
    show("set lt", e)
try:
    frozenset([1]).add(2)
except AttributeError as e:
    show("frozen", e)
try:
    set(5)
except TypeError as e:
    show("set(5)", e)
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    show("iterate", e)
print(d, sorted(s))
print(d["nope"])
