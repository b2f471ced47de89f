# A NameError raised inside a function, for a name defined nowhere
# (a name with no close match, so CPython adds no "Did you mean" hint).

limit = 3


def tally(n):
    count = 0
    for i in range(n):
        if i % 2 == 0:
            count = count + 1
    if count > limit:
        return count + undefined_adjustment
    return count


def summary(sizes_from, sizes_to):
    for n in range(sizes_from, sizes_to):
        print("tally(" + "x" * n + ") =", tally(n))
    return "done"


print(summary(1, 4))
print(summary(4, 10))
print("not reached")
