# aithon: native
"""Mathematical functions for complex numbers, with the algorithms of
CPython's cmath module for finite arguments (the same libm underneath, so
the same results). Infinite and NaN arguments go through CPython's tables
of special values (C99 Annex G), read off CPython 3.11 by
tools/gen_cmath_special.py into _SPECIAL below, with the same errors."""

import math as _m

__all__ = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'e', 'exp',
           'inf', 'infj', 'isclose', 'isfinite', 'isinf', 'isnan', 'log', 'log10', 'nan',
           'nanj', 'phase', 'pi', 'polar', 'rect', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tau']

pi = _m.pi
e = _m.e
tau = _m.tau
inf = _m.inf
nan = _m.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)

_DBL_MAX = 1.7976931348623157e308
_DBL_MIN = 2.2250738585072014e-308
_LARGE = _DBL_MAX / 4.0
_SQRT_LARGE = _m.sqrt(_LARGE)
_LOG_LARGE = _m.log(_LARGE)
_SQRT_DBL_MIN = _m.sqrt(_DBL_MIN)
_LN2 = 0.6931471805599453
_LN10 = 2.302585092994046


def _z(x):
    if isinstance(x, complex):
        return x.real, x.imag
    if isinstance(x, (int, float)):
        return float(x), 0.0
    t = type(x)
    if hasattr(t, '__complex__') or hasattr(t, '__float__') or hasattr(t, '__index__'):
        c = complex(x)
        return c.real, c.imag
    raise TypeError("must be real number, not %s" % type(x).__name__)


def _finite(r, i):
    return _m.isfinite(r) and _m.isfinite(i)


def _result(r, i):
    if _m.isinf(r) or _m.isinf(i):
        raise OverflowError("math range error")
    return complex(r, i)


# BEGIN SPECIAL (tools/gen_cmath_special.py writes this block)
_SPECIAL = {
    'acos': (
        ((2.356194490192345, inf), (3.141592653589793, inf), (3.141592653589793, inf), (3.141592653589793, -inf), (3.141592653589793, -inf), (2.356194490192345, -inf), (nan, inf)),
        ((1.5707963267948966, inf), None, None, None, None, (1.5707963267948966, -inf), (nan, nan)),
        ((1.5707963267948966, inf), None, None, None, None, (1.5707963267948966, -inf), (1.5707963267948966, nan)),
        ((1.5707963267948966, inf), None, None, None, None, (1.5707963267948966, -inf), (1.5707963267948966, nan)),
        ((1.5707963267948966, inf), None, None, None, None, (1.5707963267948966, -inf), (nan, nan)),
        ((0.7853981633974483, inf), (0.0, inf), (0.0, inf), (0.0, -inf), (0.0, -inf), (0.7853981633974483, -inf), (nan, inf)),
        ((nan, inf), (nan, nan), (nan, nan), (nan, nan), (nan, nan), (nan, -inf), (nan, nan)),
    ),
    'acosh': (
        ((inf, -2.356194490192345), (inf, -3.141592653589793), (inf, -3.141592653589793), (inf, 3.141592653589793), (inf, 3.141592653589793), (inf, 2.356194490192345), (inf, nan)),
        ((inf, -1.5707963267948966), None, None, None, None, (inf, 1.5707963267948966), (nan, nan)),
        ((inf, -1.5707963267948966), None, None, None, None, (inf, 1.5707963267948966), (nan, nan)),
        ((inf, -1.5707963267948966), None, None, None, None, (inf, 1.5707963267948966), (nan, nan)),
        ((inf, -1.5707963267948966), None, None, None, None, (inf, 1.5707963267948966), (nan, nan)),
        ((inf, -0.7853981633974483), (inf, -0.0), (inf, -0.0), (inf, 0.0), (inf, 0.0), (inf, 0.7853981633974483), (inf, nan)),
        ((inf, nan), (nan, nan), (nan, nan), (nan, nan), (nan, nan), (inf, nan), (nan, nan)),
    ),
    'asin': (
        ((-0.7853981633974483, -inf), (-1.5707963267948966, -inf), (-1.5707963267948966, -inf), (-1.5707963267948966, inf), (-1.5707963267948966, inf), (-0.7853981633974483, inf), (nan, -inf)),
        ((-0.0, -inf), None, None, None, None, (-0.0, inf), (nan, nan)),
        ((-0.0, -inf), None, None, None, None, (-0.0, inf), (-0.0, nan)),
        ((0.0, -inf), None, None, None, None, (0.0, inf), (0.0, nan)),
        ((0.0, -inf), None, None, None, None, (0.0, inf), (nan, nan)),
        ((0.7853981633974483, -inf), (1.5707963267948966, -inf), (1.5707963267948966, -inf), (1.5707963267948966, inf), (1.5707963267948966, inf), (0.7853981633974483, inf), (nan, -inf)),
        ((nan, -inf), (nan, nan), (nan, nan), (nan, nan), (nan, nan), (nan, inf), (nan, nan)),
    ),
    'asinh': (
        ((-inf, -0.7853981633974483), (-inf, -0.0), (-inf, -0.0), (-inf, 0.0), (-inf, 0.0), (-inf, 0.7853981633974483), (-inf, nan)),
        ((-inf, -1.5707963267948966), None, None, None, None, (-inf, 1.5707963267948966), (nan, nan)),
        ((-inf, -1.5707963267948966), None, None, None, None, (-inf, 1.5707963267948966), (nan, nan)),
        ((inf, -1.5707963267948966), None, None, None, None, (inf, 1.5707963267948966), (nan, nan)),
        ((inf, -1.5707963267948966), None, None, None, None, (inf, 1.5707963267948966), (nan, nan)),
        ((inf, -0.7853981633974483), (inf, -0.0), (inf, -0.0), (inf, 0.0), (inf, 0.0), (inf, 0.7853981633974483), (inf, nan)),
        ((inf, nan), (nan, nan), (nan, -0.0), (nan, 0.0), (nan, nan), (inf, nan), (nan, nan)),
    ),
    'atan': (
        ((-1.5707963267948966, -0.0), (-1.5707963267948966, -0.0), (-1.5707963267948966, -0.0), (-1.5707963267948966, 0.0), (-1.5707963267948966, 0.0), (-1.5707963267948966, 0.0), (-1.5707963267948966, -0.0)),
        ((-1.5707963267948966, -0.0), None, None, None, None, (-1.5707963267948966, 0.0), (nan, nan)),
        ((-1.5707963267948966, -0.0), None, None, None, None, (-1.5707963267948966, 0.0), (nan, nan)),
        ((1.5707963267948966, -0.0), None, None, None, None, (1.5707963267948966, 0.0), (nan, nan)),
        ((1.5707963267948966, -0.0), None, None, None, None, (1.5707963267948966, 0.0), (nan, nan)),
        ((1.5707963267948966, -0.0), (1.5707963267948966, -0.0), (1.5707963267948966, -0.0), (1.5707963267948966, 0.0), (1.5707963267948966, 0.0), (1.5707963267948966, 0.0), (1.5707963267948966, -0.0)),
        ((nan, -0.0), (nan, nan), (nan, -0.0), (nan, 0.0), (nan, nan), (nan, 0.0), (nan, nan)),
    ),
    'atanh': (
        ((-0.0, -1.5707963267948966), (-0.0, -1.5707963267948966), (-0.0, -1.5707963267948966), (-0.0, 1.5707963267948966), (-0.0, 1.5707963267948966), (-0.0, 1.5707963267948966), (-0.0, nan)),
        ((-0.0, -1.5707963267948966), None, None, None, None, (-0.0, 1.5707963267948966), (nan, nan)),
        ((-0.0, -1.5707963267948966), None, None, None, None, (-0.0, 1.5707963267948966), (-0.0, nan)),
        ((0.0, -1.5707963267948966), None, None, None, None, (0.0, 1.5707963267948966), (0.0, nan)),
        ((0.0, -1.5707963267948966), None, None, None, None, (0.0, 1.5707963267948966), (nan, nan)),
        ((0.0, -1.5707963267948966), (0.0, -1.5707963267948966), (0.0, -1.5707963267948966), (0.0, 1.5707963267948966), (0.0, 1.5707963267948966), (0.0, 1.5707963267948966), (0.0, nan)),
        ((0.0, -1.5707963267948966), (nan, nan), (nan, nan), (nan, nan), (nan, nan), (0.0, 1.5707963267948966), (nan, nan)),
    ),
    'cos': (
        ('V', 'V', 'V', 'V', 'V', 'V', (nan, nan)),
        ('C', None, None, None, None, 'C', (nan, nan)),
        ((inf, -0.0), None, None, None, None, (inf, 0.0), (nan, 0.0)),
        ((inf, 0.0), None, None, None, None, (inf, -0.0), (nan, 0.0)),
        ('C', None, None, None, None, 'C', (nan, nan)),
        ('V', 'V', 'V', 'V', 'V', 'V', (nan, nan)),
        ((inf, nan), (nan, nan), (nan, 0.0), (nan, 0.0), (nan, nan), (inf, nan), (nan, nan)),
    ),
    'cosh': (
        ('V', 'C', (inf, 0.0), (inf, -0.0), 'C', 'V', (inf, nan)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', None, None, None, None, 'V', (nan, 0.0)),
        ('V', None, None, None, None, 'V', (nan, 0.0)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', 'C', (inf, -0.0), (inf, 0.0), 'C', 'V', (inf, nan)),
        ((nan, nan), (nan, nan), (nan, 0.0), (nan, 0.0), (nan, nan), (nan, nan), (nan, nan)),
    ),
    'exp': (
        ((0.0, 0.0), 'C', (0.0, -0.0), (0.0, 0.0), 'C', (0.0, 0.0), (0.0, 0.0)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', 'C', (inf, -0.0), (inf, 0.0), 'C', 'V', (inf, nan)),
        ((nan, nan), (nan, nan), (nan, -0.0), (nan, 0.0), (nan, nan), (nan, nan), (nan, nan)),
    ),
    'log': (
        ((inf, -2.356194490192345), (inf, -3.141592653589793), (inf, -3.141592653589793), (inf, 3.141592653589793), (inf, 3.141592653589793), (inf, 2.356194490192345), (inf, nan)),
        ((inf, -1.5707963267948966), None, None, None, None, (inf, 1.5707963267948966), (nan, nan)),
        ((inf, -1.5707963267948966), None, None, None, None, (inf, 1.5707963267948966), (nan, nan)),
        ((inf, -1.5707963267948966), None, None, None, None, (inf, 1.5707963267948966), (nan, nan)),
        ((inf, -1.5707963267948966), None, None, None, None, (inf, 1.5707963267948966), (nan, nan)),
        ((inf, -0.7853981633974483), (inf, -0.0), (inf, -0.0), (inf, 0.0), (inf, 0.0), (inf, 0.7853981633974483), (inf, nan)),
        ((inf, nan), (nan, nan), (nan, nan), (nan, nan), (nan, nan), (inf, nan), (nan, nan)),
    ),
    'log10': (
        ((inf, -1.023282265381381), (inf, -1.3643763538418412), (inf, -1.3643763538418412), (inf, 1.3643763538418412), (inf, 1.3643763538418412), (inf, 1.023282265381381), (inf, nan)),
        ((inf, -0.6821881769209206), None, None, None, None, (inf, 0.6821881769209206), (nan, nan)),
        ((inf, -0.6821881769209206), None, None, None, None, (inf, 0.6821881769209206), (nan, nan)),
        ((inf, -0.6821881769209206), None, None, None, None, (inf, 0.6821881769209206), (nan, nan)),
        ((inf, -0.6821881769209206), None, None, None, None, (inf, 0.6821881769209206), (nan, nan)),
        ((inf, -0.3410940884604603), (inf, -0.0), (inf, -0.0), (inf, 0.0), (inf, 0.0), (inf, 0.3410940884604603), (inf, nan)),
        ((inf, nan), (nan, nan), (nan, nan), (nan, nan), (nan, nan), (inf, nan), (nan, nan)),
    ),
    'sin': (
        ('V', 'V', 'V', 'V', 'V', 'V', (nan, nan)),
        ('C', None, None, None, None, 'C', (nan, nan)),
        ((-0.0, -inf), None, None, None, None, (-0.0, inf), (-0.0, nan)),
        ((0.0, -inf), None, None, None, None, (0.0, inf), (0.0, nan)),
        ('C', None, None, None, None, 'C', (nan, nan)),
        ('V', 'V', 'V', 'V', 'V', 'V', (nan, nan)),
        ((nan, -inf), (nan, nan), (nan, -0.0), (nan, -0.0), (nan, nan), (nan, -inf), (nan, nan)),
    ),
    'sinh': (
        ('V', 'C', (-inf, -0.0), (-inf, 0.0), 'C', 'V', (inf, nan)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', None, None, None, None, 'V', (0.0, nan)),
        ('V', None, None, None, None, 'V', (0.0, nan)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', 'C', (inf, -0.0), (inf, 0.0), 'C', 'V', (inf, nan)),
        ((nan, nan), (nan, nan), (nan, -0.0), (nan, 0.0), (nan, nan), (nan, nan), (nan, nan)),
    ),
    'sqrt': (
        ((inf, -inf), (0.0, -inf), (0.0, -inf), (0.0, inf), (0.0, inf), (inf, inf), (nan, inf)),
        ((inf, -inf), None, None, None, None, (inf, inf), (nan, nan)),
        ((inf, -inf), None, None, None, None, (inf, inf), (nan, nan)),
        ((inf, -inf), None, None, None, None, (inf, inf), (nan, nan)),
        ((inf, -inf), None, None, None, None, (inf, inf), (nan, nan)),
        ((inf, -inf), (inf, -0.0), (inf, -0.0), (inf, 0.0), (inf, 0.0), (inf, inf), (inf, nan)),
        ((inf, -inf), (nan, nan), (nan, nan), (nan, nan), (nan, nan), (inf, inf), (nan, nan)),
    ),
    'tan': (
        ((0.0, -1.0), 'V', 'V', 'V', 'V', (0.0, 1.0), (nan, nan)),
        ('C', None, None, None, None, 'C', (nan, nan)),
        ((-0.0, -1.0), None, None, None, None, (-0.0, 1.0), (-0.0, nan)),
        ((0.0, -1.0), None, None, None, None, (0.0, 1.0), (0.0, nan)),
        ('C', None, None, None, None, 'C', (nan, nan)),
        ((0.0, -1.0), 'V', 'V', 'V', 'V', (0.0, 1.0), (nan, nan)),
        ((0.0, -1.0), (nan, nan), (nan, nan), (nan, nan), (nan, nan), (0.0, 1.0), (nan, nan)),
    ),
    'tanh': (
        ((-1.0, 0.0), 'C', (-1.0, -0.0), (-1.0, 0.0), 'C', (-1.0, 0.0), (-1.0, 0.0)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ((1.0, 0.0), 'C', (1.0, -0.0), (1.0, 0.0), 'C', (1.0, 0.0), (1.0, 0.0)),
        ((nan, nan), (nan, nan), (nan, -0.0), (nan, 0.0), (nan, nan), (nan, nan), (nan, nan)),
    ),
    'rect': (
        ('V', 'C', (-inf, 0.0), (-inf, -0.0), 'C', 'V', (inf, nan)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ((0.0, 0.0), None, None, None, None, (0.0, 0.0), (0.0, 0.0)),
        ((0.0, 0.0), None, None, None, None, (0.0, 0.0), (0.0, 0.0)),
        ('V', None, None, None, None, 'V', (nan, nan)),
        ('V', 'C', (inf, -0.0), (inf, 0.0), 'C', 'V', (inf, nan)),
        ((nan, nan), (nan, nan), (nan, 0.0), (nan, 0.0), (nan, nan), (nan, nan), (nan, nan)),
    ),
}
# END SPECIAL


# The kind of a part, the index into a row or a column of _SPECIAL:
# -inf, finite < 0, -0.0, +0.0, finite > 0, +inf, nan.
def _kind(x):
    if x != x:
        return 6
    if x == inf:
        return 5
    if x == -inf:
        return 0
    if x == 0.0:
        return 3 if _m.copysign(1.0, x) > 0 else 2
    return 4 if x > 0 else 1


def _special(name, x, y):
    """The value of function `name` at x+yj when a part is not finite: a
    pair, or None when it depends on the finite part (_inf_* below)."""
    e = _SPECIAL[name][_kind(x)][_kind(y)]
    if e == 'V':
        raise ValueError("math domain error")
    if e == 'O':
        raise OverflowError("math range error")
    if e == 'C':
        return None
    return e


# x infinite, y finite and nonzero: the results that keep the direction of y.
def _inf_exp(x, y):
    if x > 0:
        return _m.copysign(inf, _m.cos(y)), _m.copysign(inf, _m.sin(y))
    return _m.copysign(0.0, _m.cos(y)), _m.copysign(0.0, _m.sin(y))


def _inf_cosh(x, y):
    i = _m.copysign(inf, _m.sin(y))
    return _m.copysign(inf, _m.cos(y)), (i if x > 0 else -i)


def _inf_sinh(x, y):
    r = _m.copysign(inf, _m.cos(y))
    return (r if x > 0 else -r), _m.copysign(inf, _m.sin(y))


def _inf_tanh(x, y):
    return _m.copysign(1.0, x), _m.copysign(0.0, 2.0 * _m.sin(y) * _m.cos(y))


def _sqrt(x, y):
    if x == 0.0 and y == 0.0:
        return 0.0, y
    if not _finite(x, y):
        if _m.isinf(y):
            return inf, y
        if _m.isnan(x) or _m.isnan(y):
            return nan, nan
        if x > 0:
            return x, _m.copysign(0.0, y)
        return 0.0 if _m.isnan(y) else abs(y - y), _m.copysign(inf, y)
    ax = abs(x)
    ay = abs(y)
    if ax < _DBL_MIN and ay < _DBL_MIN:
        ax = _m.ldexp(ax, 53)
        s = _m.ldexp(_m.sqrt(ax + _m.hypot(ax, _m.ldexp(ay, 53))), -27)
    else:
        ax /= 8.0
        s = 2.0 * _m.sqrt(ax + _m.hypot(ax, ay / 8.0))
    d = ay / (2.0 * s)
    if x >= 0.0:
        return s, _m.copysign(d, y)
    return d, _m.copysign(s, y)


def sqrt(z):
    """Return the square root of z."""
    x, y = _z(z)
    if not _finite(x, y):
        return complex(*_special('sqrt', x, y))
    return complex(*_sqrt(x, y))


def exp(z):
    """Return the exponential value e**z."""
    x, y = _z(z)
    if not _finite(x, y):
        if _m.isinf(x) and _m.isfinite(y) and y != 0.0:
            return complex(*_inf_exp(x, y))
        return complex(*_special('exp', x, y))
    if x > _LOG_LARGE:
        l = _m.exp(x - 1.0)
        r, i = l * _m.cos(y) * e, l * _m.sin(y) * e
    else:
        l = _m.exp(x)
        r, i = l * _m.cos(y), l * _m.sin(y)
    if y == 0.0 and _m.isfinite(x):
        i = y
    return _result(r, i)


def _log(x, y):
    ax = abs(x)
    ay = abs(y)
    if not _finite(x, y):
        return _special('log', x, y)
    if ax > _LARGE or ay > _LARGE:
        r = _m.log(_m.hypot(ax / 2.0, ay / 2.0)) + _LN2
    elif ax < _DBL_MIN and ay < _DBL_MIN:
        if ax > 0.0 or ay > 0.0:
            r = _m.log(_m.hypot(_m.ldexp(ax, 53), _m.ldexp(ay, 53))) - 53 * _LN2
        else:
            raise ValueError("math domain error")
    else:
        h = _m.hypot(ax, ay)
        if 0.71 <= h <= 1.73:
            am = ax if ax > ay else ay
            an = ay if ax > ay else ax
            r = _m.log1p((am - 1) * (am + 1) + an * an) / 2.0
        else:
            r = _m.log(h)
    return r, _m.atan2(y, x)


def log(z, base=None):
    """log(z[, base]) -> the logarithm of z to the given base (default e)."""
    x, y = _z(z)
    if base is None:
        return complex(*_log(x, y))
    bx, by = _z(base)
    # As in CPython, only the base's log and the division can fail: the
    # log of 0 is -inf (+ its phase) on the way.
    if x == 0.0 and y == 0.0:
        r = complex(-inf, _m.atan2(y, x))
    else:
        r = complex(*_log(x, y))
    try:
        return r / complex(*_log(bx, by))
    except ZeroDivisionError:
        raise ValueError("math domain error") from None


def log10(z):
    """Return the base-10 logarithm of z."""
    x, y = _z(z)
    if not _finite(x, y):
        return complex(*_special('log10', x, y))
    r, i = _log(x, y)
    return complex(r / _LN10, i / _LN10)


def phase(z):
    """Return the argument, also known as the phase angle, of a complex."""
    x, y = _z(z)
    return _m.atan2(y, x)


def polar(z):
    """Return z in polar coordinates: the tuple (r, phi)."""
    x, y = _z(z)
    r = _m.hypot(x, y)
    if _m.isinf(r) and _finite(x, y):
        raise OverflowError("math range error")
    return r, _m.atan2(y, x)


def rect(r, phi):
    """Return the complex number with modulus r and argument phi."""
    r = float(r)
    phi = float(phi)
    if not _finite(r, phi):
        if _m.isinf(r) and _m.isfinite(phi) and phi != 0.0:
            re, im = _m.copysign(inf, _m.cos(phi)), _m.copysign(inf, _m.sin(phi))
            return complex(re, im) if r > 0 else complex(-re, -im)
        return complex(*_special('rect', r, phi))
    if phi == 0.0:
        return complex(r, r * phi)
    return complex(r * _m.cos(phi), r * _m.sin(phi))


def _cosh(x, y):
    if abs(x) > _LOG_LARGE:
        xm = x - _m.copysign(1.0, x)
        return _m.cos(y) * _m.cosh(xm) * e, _m.sin(y) * _m.sinh(xm) * e
    return _m.cos(y) * _m.cosh(x), _m.sin(y) * _m.sinh(x)


def _sinh(x, y):
    if abs(x) > _LOG_LARGE:
        xm = x - _m.copysign(1.0, x)
        return _m.cos(y) * _m.sinh(xm) * e, _m.sin(y) * _m.cosh(xm) * e
    return _m.cos(y) * _m.sinh(x), _m.sin(y) * _m.cosh(x)


def _tanh(x, y):
    if abs(x) > _LOG_LARGE:
        return _m.copysign(1.0, x), 4.0 * _m.sin(y) * _m.cos(y) * _m.exp(-2.0 * abs(x))
    tx = _m.tanh(x)
    ty = _m.tan(y)
    cx = 1.0 / _m.cosh(x)
    txty = tx * ty
    denom = 1.0 + txty * txty
    return tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx


def cosh(z):
    """Return the hyperbolic cosine of z."""
    x, y = _z(z)
    if not _finite(x, y):
        if _m.isinf(x) and _m.isfinite(y) and y != 0.0:
            return complex(*_inf_cosh(x, y))
        return complex(*_special('cosh', x, y))
    return _result(*_cosh(x, y))


def sinh(z):
    """Return the hyperbolic sine of z."""
    x, y = _z(z)
    if not _finite(x, y):
        if _m.isinf(x) and _m.isfinite(y) and y != 0.0:
            return complex(*_inf_sinh(x, y))
        return complex(*_special('sinh', x, y))
    return _result(*_sinh(x, y))


def tanh(z):
    """Return the hyperbolic tangent of z."""
    x, y = _z(z)
    if not _finite(x, y):
        if _m.isinf(x) and _m.isfinite(y) and y != 0.0:
            return complex(*_inf_tanh(x, y))
        return complex(*_special('tanh', x, y))
    return complex(*_tanh(x, y))


def cos(z):
    """Return the cosine of z."""
    x, y = _z(z)
    if not _finite(x, y):
        if _m.isinf(y) and _m.isfinite(x) and x != 0.0:
            return complex(*_inf_cosh(-y, x))
        return complex(*_special('cos', x, y))
    return _result(*_cosh(-y, x))


def sin(z):
    """Return the sine of z."""
    x, y = _z(z)
    if not _finite(x, y):
        if _m.isinf(y) and _m.isfinite(x) and x != 0.0:
            r, i = _inf_sinh(-y, x)
            return complex(i, -r)
        return complex(*_special('sin', x, y))
    r, i = _sinh(-y, x)
    return _result(i, -r)


def tan(z):
    """Return the tangent of z."""
    x, y = _z(z)
    if not _finite(x, y):
        if _m.isinf(y) and _m.isfinite(x) and x != 0.0:
            r, i = _inf_tanh(-y, x)
            return complex(i, -r)
        return complex(*_special('tan', x, y))
    r, i = _tanh(-y, x)
    return complex(i, -r)


def _asinh(x, y):
    if abs(x) > _LARGE or abs(y) > _LARGE:
        if y >= 0:
            r = _m.copysign(_m.log(_m.hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, x)
        else:
            r = -_m.copysign(_m.log(_m.hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, -x)
        return r, _m.atan2(y, abs(x))
    s1 = _sqrt(1.0 + y, -x)
    s2 = _sqrt(1.0 - y, x)
    return (_m.asinh(s1[0] * s2[1] - s2[0] * s1[1]),
            _m.atan2(y, s1[0] * s2[0] - s1[1] * s2[1]))


def asinh(z):
    """Return the inverse hyperbolic sine of z."""
    x, y = _z(z)
    if not _finite(x, y):
        return complex(*_special('asinh', x, y))
    return complex(*_asinh(x, y))


def asin(z):
    """Return the arc sine of z."""
    x, y = _z(z)
    if not _finite(x, y):
        return complex(*_special('asin', x, y))
    r, i = _asinh(-y, x)
    return complex(i, -r)


def acos(z):
    """Return the arc cosine of z."""
    x, y = _z(z)
    if not _finite(x, y):
        return complex(*_special('acos', x, y))
    if abs(x) > _LARGE or abs(y) > _LARGE:
        r = _m.atan2(abs(y), x)
        if x < 0:
            i = -_m.copysign(_m.log(_m.hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, y)
        else:
            i = _m.copysign(_m.log(_m.hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, -y)
        return complex(r, i)
    s1 = _sqrt(1.0 - x, -y)
    s2 = _sqrt(1.0 + x, y)
    return complex(2.0 * _m.atan2(s1[0], s2[0]), _m.asinh(s2[0] * s1[1] - s2[1] * s1[0]))


def acosh(z):
    """Return the inverse hyperbolic cosine of z."""
    x, y = _z(z)
    if not _finite(x, y):
        return complex(*_special('acosh', x, y))
    if abs(x) > _LARGE or abs(y) > _LARGE:
        return complex(_m.log(_m.hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, _m.atan2(y, x))
    s1 = _sqrt(x - 1.0, y)
    s2 = _sqrt(x + 1.0, y)
    return complex(_m.asinh(s1[0] * s2[0] + s1[1] * s2[1]), 2.0 * _m.atan2(s1[1], s2[0]))


def _atanh(x, y):
    if x < 0.0:
        r, i = _atanh(-x, -y)
        return -r, -i
    ay = abs(y)
    if x > _SQRT_LARGE or ay > _SQRT_LARGE:
        h = _m.hypot(x / 2.0, y / 2.0)
        return x / 4.0 / h / h, -_m.copysign(pi / 2.0, -y)
    if x == 1.0 and ay < _SQRT_DBL_MIN:
        if ay == 0.0:
            raise ValueError("math domain error")
        return (-_m.log(_m.sqrt(ay) / _m.sqrt(_m.hypot(ay, 2.0))),
                _m.copysign(_m.atan2(2.0, -ay) / 2, y))
    return (_m.log1p(4.0 * x / ((1 - x) * (1 - x) + ay * ay)) / 4.0,
            -_m.atan2(-2.0 * y, (1 - x) * (1 + x) - ay * ay) / 2.0)


def atanh(z):
    """Return the inverse hyperbolic tangent of z."""
    x, y = _z(z)
    if not _finite(x, y):
        return complex(*_special('atanh', x, y))
    return complex(*_atanh(x, y))


def atan(z):
    """Return the arc tangent of z."""
    x, y = _z(z)
    if not _finite(x, y):
        return complex(*_special('atan', x, y))
    r, i = _atanh(-y, x)
    return complex(i, -r)


def isfinite(z):
    """Return True if both the real and imaginary parts of z are finite."""
    x, y = _z(z)
    return _m.isfinite(x) and _m.isfinite(y)


def isinf(z):
    """Return True if the real or the imaginary part of z is infinite."""
    x, y = _z(z)
    return _m.isinf(x) or _m.isinf(y)


def isnan(z):
    """Return True if the real or the imaginary part of z is a NaN."""
    x, y = _z(z)
    return _m.isnan(x) or _m.isnan(y)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    """Determine whether two complex numbers are close in value."""
    ax, ay = _z(a)
    bx, by = _z(b)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    a = complex(ax, ay)
    b = complex(bx, by)
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = abs(b - a)
    return (diff <= rel_tol * abs(b) or diff <= rel_tol * abs(a)) or diff <= abs_tol
