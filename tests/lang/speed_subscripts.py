# Inline paths for list and tuple subscripts and unpacking must keep
# CPython's behaviour for every other case.


class L(list):
    def __getitem__(self, i):
        return ("L", i)

    def __setitem__(self, i, v):
        print("set", i, v)


class T(tuple):
    def __iter__(self):
        yield "from-iter"
        yield "x"


def get(s, i):
    return s[i]


def put(s, i, v):
    s[i] = v


for s in [[10, 20, 30], (10, 20, 30), L([1, 2, 3]), "abc", {1: "one", -1: "minus"}, range(5)]:
    out = []
    for i in [0, 1, -1, 2, True]:
        try:
            out.append(get(s, i))
        except Exception as e:
            out.append(type(e).__name__)
    print(type(s).__name__, out)

for s in [[0, 0], (0, 0), L([0])]:
    for i in [0, -1, 2, "x", 1.0] + ([2**70] if type(s) is list else []):
        try:
            put(s, i, 7)
            print("ok", s)
        except Exception as e:
            print(type(e).__name__, e)

lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 2
print(lst)
t = (1, [2])
t[1][0] += 5
print(t)
try:
    t[0] += 1
except TypeError as e:
    print("TypeError:", e)


def unpack(v):
    a, b = v
    return a, b


for v in [(1, 2), [3, 4], "xy", T(("p", "q")), {5: 0, 6: 0}, iter([7, 8])]:
    print(unpack(v))
for v in [(1,), [1, 2, 3], (), 5]:
    try:
        unpack(v)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Young values stored into an old list survive collections.
big = [None] * 1000
for i in range(20000):
    big[i % 1000] = [i, str(i)]
print(sum(x[0] for x in big), big[999][1])
pairs = [((i, i + 1), [i * 2, i * 3]) for i in range(5)]
total = 0
for (a, b), [c, d] in pairs:
    total += a + b + c + d
print(total)
