# Tuples and ranges: immutable sequences, their methods, comparisons,
# hashing, and ranges with big bounds.

point = (3, 4)
origin = (0, 0)
print(point, origin, (5,), (), ((),), (1, (2, (3,))))
print(point[0], point[-1], len(point), point + origin, point * 2, 3 * (0,))
print(point == (3, 4), point == [3, 4], point < (3, 5), (1, 2) < (1, 2, 0), (2,) > (1, 99))
print((1, 2) == (1.0, 2.0), (1, "a") != (1, "b"), () < (0,))

colours = ("red", "green", "blue", "green", "red", "green")
print(colours.count("green"), colours.count("black"), colours.index("blue"))
print(colours.index("green", 2), colours.index("red", -2), "blue" in colours)
print(tuple(), tuple([1, 2]), tuple("abc"), tuple(range(3)), tuple(x * x for x in range(4)))

# equal tuples hash equally (the values are CPython's)
print(hash((1, 2)), hash(()), hash((-1,)), hash(("a", 1)) == hash(("a", 1)))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(((1, 2), (3,))), hash((2 ** 80, -5)))

# tuples as records
records = [("mon", 12.5), ("tue", 9.0), ("wed", 14.25)]
total = 0
for day, amount in records:
    total += amount
print(total, max(records, key=len), sorted(records)[0])

# ranges
r = range(2, 20, 3)
print(r, len(r), r[0], r[-1], list(r))
print(r.start, r.stop, r.step, range(5).start, range(5).step)
print(8 in r, 9 in r, 8.0 in r, "8" in r, r.index(11), r.count(14), r.count(15))
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 4) == range(1, 12, 4))
print(range(3) == [0, 1, 2], list(range(3)) == [0, 1, 2], bool(range(0)), bool(range(1)))
print(range(10, 0, -2), list(range(10, 0, -2)), list(range(0, -5, -1)), list(range(5, 0)))
print(list(reversed(range(1, 8, 2))), sum(range(1, 101)), max(range(-5, 5)))

big = range(-10 ** 20, 10 ** 20, 7 * 10 ** 18)
print(big, big[0], big[-1], big[3], 10 ** 19 in big, big.index(-10 ** 20 + 14 * 10 ** 18))
print(big[2:5], big[::-10], list(big[:3]), list(big[-2:]))
huge = range(2 ** 64)
print(huge[-1], huge[2 ** 63], huge[10:20:3], 2 ** 63 in huge, list(huge[:3]))

for i in range(3, 0, -1):
    print("countdown", i)
evens = []
for n in range(0, 21, 4):
    evens.append(n)
print(evens, tuple(evens))
