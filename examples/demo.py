# A tour of what Aithon compiles today: arbitrary-precision ints, floats,
# strings, functions with defaults, recursion and the usual loops.

def heading(title, fill="="):
    print()
    print(fill * 3, title, fill * 3)


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def fib(n):
    a = 0
    b = 1
    for i in range(n):
        t = a + b
        a = b
        b = t
    return a


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d = d + 1
    return True


def sqrt(x, tolerance=1e-12):
    guess = x / 2
    while True:
        better = (guess + x / guess) / 2
        if -tolerance < guess - better < tolerance:
            return better
        guess = better


print("Hello from Aithon!")

heading("big integers")
print("2 ** 100 =", 2 ** 100)
print("30! =", factorial(30))
print("fib(90) =", fib(90))
print("7 ** 77 % 1000007 =", 7 ** 77 % 1000007)

heading("floats")
print("sqrt(2) =", sqrt(2))
print("sqrt(1e10) =", sqrt(1e10, tolerance=1e-6))
print("1 / 7 =", 1 / 7, " 2 ** 0.5 =", 2 ** 0.5)

heading("primes below 60", "-")
count = 0
for n in range(60):
    if not is_prime(n):
        continue
    print(n, end=" ")
    count = count + 1
print()
print(count, "primes")

heading("first prime after a billion", "-")
n = 10 ** 9
while True:
    n = n + 1
    if is_prime(n):
        break
print(n)

heading("a triangle", "*")
for row in range(1, 6):
    print(" " * (5 - row) + "/\\" * row)
print("done", "bye", sep=", ", end=".\n")
