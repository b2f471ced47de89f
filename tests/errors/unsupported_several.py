# expect-error: 9:5: E0301: 'try' is not supported yet
# expect-error: 13:13: E0301: a list display is not supported yet
# expect-error: 14:12: E0301: a tuple is not supported yet
# expect-error: 14:5: E0301: unpacking assignment is not supported yet
# Several unsupported constructs are all reported in one run.


def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        return 0
    items = [1, 2, 3]
    a, b = 1, 2
    return a


print(risky(0))
