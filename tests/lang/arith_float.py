# Floats: repr of many values (shortest round-trip form, as CPython),
# special values and arithmetic that mixes ints and floats.

def show(label, x):
    print(label, x)


show("tenth", 0.1)
show("third", 1 / 3)
show("two thirds", 2 / 3)
show("sum", 0.1 + 0.2)
show("whole", 100.0)
show("1e16", 1e16)
show("1e15", 1e15)
show("1e22", 1e22)
show("1e23", 1e23)
show("small", 1e-5)
show("smaller", 0.0001)
show("tiny", 2.5e-7)
show("precise", 123456789.123)
show("neg zero", -0.0)
show("zero", 0.0)
show("pi-ish", 3.141592653589793)
show("max-ish", 1.7976931348623157e308)
show("min normal", 2.2250738585072014e-308)
show("denormal", 5e-324)

inf = 1e308 * 10
print("inf:", inf, -inf, inf + 1, inf * -1)
nan = inf - inf
print("nan:", nan, nan == nan, nan != nan)

print("-- mixing ints and floats --")
print(1 + 2.5, 3 * 0.1, 10 - 0.5, 2 ** 0.5, 2.0 ** 10)
print(7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(1e300 * 1e10, -1e300 * 1e10, 2 ** 100 * 1.0)
print(10 / 4, 10 // 4.0, 1 / 8, 3 / 7)
print(1.5e300 * 1.5e300, 1e-320 / 10)

total = 0.0
i = 0
while i < 10:
    total = total + 0.1
    i = i + 1
print("ten tenths:", total, total == 1.0)

x = 1.0
for k in range(1, 8):
    x = x / 3
    print(k, x, x * 3 ** k)
