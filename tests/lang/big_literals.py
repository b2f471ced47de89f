# Big displays of constants (emitted as data templates, not code) behave
# as the code they replace: fresh objects each time, evaluation order,
# duplicate dict keys, set order, unhashable elements.

PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71]
print(len(PRIMES), sum(PRIMES), PRIMES[-1])

MIXED = [0, -1, +2, -3.5, 1e300, -0.0, 10**0, 12345678901234567890123, -98765432109876543210,
         "naïve", "日本", "", b"\x00\xff", None, True, False, ..., (1, (2, "x")), [3, [4]], -9223372036854775808]
for v in MIXED:
    print(repr(v), type(v).__name__)

TABLE = [
    ("alice", 31, 1.5, ["x", "y"]),
    ("bob", 27, -2.25, []),
    ("carol", 45, 3.0, ["z"]),
    ("dave", 19, 0.5, ["x"]),
    ("erin", 38, 7.75, ["y", "z", "x"]),
]
for name, age, score, tags in TABLE:
    print(f"{name:6} {age:3} {score:6.2f} {','.join(tags) or '-'}")

COLOURS = {"red": 1, "green": 2, "blue": 3, "red": 4, "cyan": 5, "magenta": 6, "yellow": 7, "black": 8}
print(COLOURS)

WORDS = {"pear", "apple", "fig", "plum", "kiwi", "lime", "date", "nut", "yam", "oat", "rye", "pea",
         "bean", "corn", "rice", "kale", "pear"}
print(sorted(WORDS), len(WORDS))
NUMS = {5, 3, 9, 1, 7, 3, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29}
print(NUMS)


def fresh():
    return [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14], [15, 16]]


a = fresh()
a[0].append(99)
a.append("extra")
b = fresh()
print(a[0], b[0], len(a), len(b), a[1] is b[1])

try:
    bad = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, [16]}
except TypeError as e:
    print("TypeError:", e)
try:
    bad = {(1, 2): 1, [3]: 2, 5: 3, 6: 4, 7: 5, 8: 6, 9: 7, 10: 8}
except TypeError as e:
    print("TypeError:", e)

GRID = ((0, 0, 1, 0), (1, 1, 0, 0), (0, 1, 1, 1), (1, 0, 0, 1))
print(sum(map(sum, GRID)), GRID[2])
total = 0
for i in range(3):
    row = [i, i + 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
    consts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
    consts[i] = -1
    total += sum(row) + sum(consts)
print(total)
