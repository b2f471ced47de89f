# Integer arithmetic: Python's floor division and modulo, true division,
# powers, and ints that outgrow a machine word and shrink back.

def factorial(n):
    result = 1
    i = 2
    while i <= n:
        result = result * i
        i = i + 1
    return result


def show_divmod(a, b):
    print(a, "//", b, "=", a // b, "  ", a, "%", b, "=", a % b)


print("-- floor division and modulo --")
show_divmod(7, 2)
show_divmod(-7, 2)
show_divmod(7, -2)
show_divmod(-7, -2)
show_divmod(0, 5)
show_divmod(-1, 10)
show_divmod(10 ** 20 + 3, 7)
show_divmod(-(2 ** 100), 3)
show_divmod(2 ** 100, -(2 ** 40))

print("-- true division gives floats --")
print(7 / 2, 8 / 2, -7 / 2, 1 / 3, 2 ** 70 / 2 ** 69)

print("-- powers --")
print(2 ** 10, (-3) ** 3, -3 ** 2, 0 ** 0, 10 ** 0)
print(2 ** -1, 10 ** -3)
print(2 ** 64, 3 ** 40)
print(2 ** 1000)
print(factorial(20))
print(factorial(100))

print("-- across the small-int boundary --")
big = 4611686018427387903
print(big, big + 1, big * 2, -big - 2)
small = -4611686018427387904
print(small, small - 1, -small, small * -1)
print(2 ** 62 - 1, 2 ** 63, 2 ** 63 - 2 ** 63, (2 ** 62 + 5) - 2 ** 62)
n = 1
steps = 0
while n < 10 ** 30:
    n = n * 7
    steps = steps + 1
print("7 **", steps, "=", n)
while n > 1:
    n = n // 7
    steps = steps - 1
print("back to", n, "after", steps, "steps")
print(3037000499 * 3037000499, 3037000500 * 3037000500)
print(-(2 ** 63) + 2 ** 63 + 1, (10 ** 25) % 1000, (10 ** 25 + 999) // 10 ** 22)
print(factorial(30) // factorial(28), factorial(25) % 1000003)
