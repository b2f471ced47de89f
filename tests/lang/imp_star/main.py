# from m import *: __all__ decides what is bound; without it every public
# name (not starting with '_'); a package's __all__ may name submodules;
# the runtime's C modules export CPython's names.
from mathutil import *
from consts import *
from math import *
from geo import *

print(square(4), cube(2), PI_ISH)
try:
    print(_private())
except NameError as err:
    print('NameError:', err)
try:
    print(hidden)
except NameError as err:
    print('NameError:', err)
print(GRAVITY, C_LIGHT, _SECRET_OK)
print(round(sqrt(2), 6), floor(pi), isclose(e, 2.718281828, rel_tol=1e-9))
print(point.Point(1, 2), vector.length(3, 4))
print(helpers_used)


def use_late():
    return late_value


print(use_late())
