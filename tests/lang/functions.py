# Functions: positional parameters, defaults, keyword arguments, recursion,
# globals read and written, functions passed around as values.

calls = 0
greeting = "hello"


def greet(name, punctuation="!", times=1):
    global calls
    calls = calls + 1
    print((greeting + ", " + name + punctuation) * times)


def power(base, exp=2):
    return base ** exp


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def apply_twice(f, x):
    return f(f(x))


def square(x):
    return x * x


def nothing():
    print("nothing returns None")


greet("world")
greet("Ada", "?")
greet("Bob", times=2)
greet(punctuation=".", name="Eve")
print("greet was called", calls, "times")

print(power(3), power(2, 10), power(exp=3, base=5), power(2, exp=100))
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), gcd(17, 5))
print(ackermann(2, 3), ackermann(3, 3))
print(apply_twice(square, 3), apply_twice(power, 2))
print(nothing())

f = square
greeting = "goodbye"
print(f(12))
greet("everyone")
print("calls now", calls)


def count_down(n):
    if n <= 0:
        print("liftoff")
        return 0
    print(n, end=" ")
    return 1 + count_down(n - 1)


print("counted", count_down(5), "steps")
