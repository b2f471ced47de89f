"""A module that builds its names through globals()."""
_g = globals()
for _name, _value in (('RED', 1), ('GREEN', 2), ('BLUE', 3)):
    _g[_name] = _value


def lookup(name):
    return globals().get(name, 'missing')


def define(name, value):
    globals()[name] = value
    return name in globals()
