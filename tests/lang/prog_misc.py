# Odds and ends users write: global counters, nested functions, string building,
# while/else, early returns, recursion with memo dicts, matrix as lists.
import math
import random

calls = 0


def binom(n, k, memo={}):
    global calls
    calls += 1
    if k in (0, n):
        return 1
    if (n, k) not in memo:
        memo[(n, k)] = binom(n - 1, k - 1) + binom(n - 1, k)
    return memo[(n, k)]


def transpose(m):
    return [list(row) for row in zip(*m)]


def matmul(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def find(haystack, needle):
    i = 0
    while i < len(haystack):
        if haystack[i] == needle:
            break
        i += 1
    else:
        return -1
    return i


print(binom(30, 15), calls)
m = [[1, 2], [3, 4]]
print(matmul(m, m), transpose([[1, 2, 3]]))
print(find("hello", "l"), find("hello", "z"))
random.seed(7)
rolls = [random.randint(1, 6) for _ in range(10)]
print(rolls, sum(rolls) / len(rolls))
print(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.pi)
words = "the rain in spain stays mainly in the plain".split()
print(" ".join(w[::-1] for w in words).title())
print("-".join(sorted(set("mississippi"))), "mississippi".count("ss"))
grid = [["."] * 5 for _ in range(3)]
grid[1][2] = "#"
print("\n".join("".join(r) for r in grid))
x = 10
def outer():
    x = 20
    def inner():
        return x + 1
    return inner()
print(outer(), x)
print(f"{3.14159:8.3f}|{42:<6}|{'hi':^6}|{255:#x}|{1e6:.2e}|{0.5:%}")
print(divmod(7.5, 2), 7.5 // 2, -7 % 3, 2 ** 0.5, int("  42  "), float("3.5e2"))
