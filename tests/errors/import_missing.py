# expect-error: 8:8: E0303: no module named 'numpy' (imports are resolved at compile time; see docs/language.md)
# expect-error: 9:1: E0303: no module named 'nowhere' (imports are resolved at compile time; see docs/language.md)
# expect-error: 10:8: E0303: no module named 'pandas' (imports are resolved at compile time; see docs/language.md)
# expect-error: 11:1: E0303: attempted relative import with no known parent package
# expect-error: 20:12: E0303: no module named 'yaml' (imports are resolved at compile time; see docs/language.md)
# Imports are resolved at compile time: a module that is not found is an
# error at its import, even in a function that never runs.
import numpy
from nowhere.deep import thing
import pandas.io
from . import sibling

try:
    import ujson        # guarded: ModuleNotFoundError at run time, as in CPython
except ImportError:
    ujson = None


def load():
    import yaml
    return yaml
