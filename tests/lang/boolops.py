# and / or return one of their operands; not always returns a bool;
# truthiness of the simple types.

def check(label, value):
    if value:
        print(label, "is truthy")
    else:
        print(label, "is falsy")


def trace(name, value):
    print("  evaluated", name)
    return value


check("0", 0)
check("1", 1)
check("-1", -1)
check("0.0", 0.0)
check("-0.0", -0.0)
check("0.5", 0.5)
check("''", "")
check("' '", " ")
check("None", None)
check("True", True)
check("False", False)
check("2**100", 2 ** 100)
check("2**100 - 2**100", 2 ** 100 - 2 ** 100)

print(0 or "default", 3 or "default", "" or None, None or 0)
print(3 and 4, 0 and 4, "x" and "", None and 1, 1.5 and 0.0)
print(not 0, not 1, not "", not "a", not None, not 0.0)
print(1 and 2 or 3, 0 and 2 or 3, 0 or 0 and 1, not 1 or 2)
print(True + 1, -True, True * 10, False * 10)

print("-- short circuit --")
print(trace("a", 0) and trace("b", 1))
print(trace("a", 1) and trace("b", 2))
print(trace("a", "") or trace("b", "fallback"))
print(trace("a", "first") or trace("b", "never"))
print(not (trace("a", 1) and trace("b", 0)))


def describe(n, verbose=False):
    name = n == 0 and "zero" or n < 0 and "negative" or "positive"
    if verbose and n != 0:
        return name + (n % 2 == 0 and " even" or " odd")
    return name


for n in range(-2, 3):
    print(n, describe(n), describe(n, True))
