# Comparisons: chains, ints against floats and bools, equality between
# unrelated types, identity with None.

def noisy(x):
    print("eval", x)
    return x


print(1 < 2 < 3, 1 < 3 > 2, 3 > 2 > 1 > 0, 1 < 2 > 3)
print(1 == 1.0, 1 != 1.0, 2 >= 2.0, -1 < -0.5, 0 == -0.0)
print(True == 1, False == 0, True + True, True > False, False < 0.5)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 == 2.0 ** 53, 2 ** 100 > 1e30)
print(10 ** 400 > 1e308 * 10, -(10 ** 400) < -(1e308 * 10), 10 ** 400 == 10 ** 400)
print(1 == "1", "a" == "a", "a" != "b", None == 0, None == None, "" == 0)
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "b" > "abc")

print("-- chains evaluate each operand once, left to right --")
print(noisy(1) < noisy(2) < noisy(3))
print(noisy(3) < noisy(2) < noisy(1))
print(noisy(1) == noisy(1.0) != noisy(2))

print("-- is / is not --")
value = None
print(value is None, value is not None)
value = 0
print(value is None, value is not None, value == None)


def find_first_multiple(n, limit):
    for i in range(1, limit):
        if i % n == 0:
            return i
    return None


for n in range(5, 9):
    found = find_first_multiple(n, 8)
    if found is None:
        print(n, "has no multiple below 8")
    else:
        print(n, "first multiple", found)

a = 5
b = 5.0
if a == b and not a < b and not a > b:
    print("int and float compare equal")
if 0.1 + 0.2 != 0.3:
    print("0.1 + 0.2 is not 0.3")
