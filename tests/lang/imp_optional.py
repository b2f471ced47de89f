# Optional imports: a module the compiler cannot find inside
# try/except ImportError raises ModuleNotFoundError when the import runs,
# as in CPython, so the usual fallback pattern works.
try:
    import numpy as np
except ImportError as err:
    np = None
    print(type(err).__name__, err)

try:
    from simplejson import loads
except ModuleNotFoundError as err:
    loads = None
    print(type(err).__name__, err)

try:
    from .compat import shim
except ImportError as err:
    shim = 'fallback'
    print(type(err).__name__, err)

try:
    import fastmath.core as fm
except Exception as err:
    fm = None
    print(type(err).__name__, err)


def backend():
    try:
        import ultrafast
        return ultrafast.name
    except ImportError:
        return 'pure python'


print(np, loads, shim, fm, backend())
