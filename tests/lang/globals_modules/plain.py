"""An ordinary module; names are set on it from outside."""
base = 10


def read_extra():
    return extra + base
