N = 0


def n():
    return N
