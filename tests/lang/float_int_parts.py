# A float tree whose operand is an integer part (`(i + j) * (i + j + 1)
# // 2`): the part is computed the generic way, so ints, big ints, floats
# and user numbers in it give CPython's results.


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mixed(a, b):
    return (a * b % 7 - (a << 2)) * 0.5 + a / 3


print(eval_a(0, 0), eval_a(3, 4), eval_a(10 ** 10, 10 ** 10))
print(eval_a(2 ** 40, 2 ** 40), eval_a(-3, 1), eval_a(1.5, 2.0), eval_a(True, False))
print(mixed(5, 9), mixed(-5, 9), mixed(2 ** 62, 3))
try:
    print(mixed(1.5, 2))
except TypeError as e:
    print('TypeError', e)
try:
    eval_a(-1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)


class N(int):
    def __add__(self, o):
        return N(int(self) + int(o) + 100)


print(eval_a(N(1), 2))
total = 0.0
for i in range(50):
    for j in range(50):
        total += eval_a(i, j) * (j + 0.5)
print(total)
