# Recursive Fibonacci and Takeuchi: function calls and small-int arithmetic.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


n = int(sys.argv[1]) if len(sys.argv) > 1 else 35
print(fib(n))
print(tak(3 * n // 5, 2 * n // 5, n // 5))
