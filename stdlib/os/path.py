"""os.path: the path operations of this system (posixpath)."""
from posixpath import *
from posixpath import __all__
from posixpath import _joinrealpath
from genericpath import _splitext, _check_arg_types
