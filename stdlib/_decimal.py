"""_decimal: the name CPython's C implementation of decimal goes by.
Programs import it to detect the fast implementation (and then use
decimal's MAX_PREC contexts); here it is the same module as decimal,
whose coefficients are exact ints of any size."""

from decimal import *
from decimal import __all__
