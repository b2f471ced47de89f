from math import hypot


def length(x, y):
    return hypot(x, y)
