# aithon: native
"""Mathematical functions for complex numbers, with the algorithms of
CPython's cmath module for finite arguments (the same libm underneath, so
the same results). Infinite and NaN arguments take simpler paths than
CPython's tables of special values: their results may differ."""

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
    return complex(*_sqrt(*_z(z)))


def exp(z):
    """Return the exponential value e**z."""
    x, y = _z(z)
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
        if _m.isinf(x) or _m.isinf(y):
            return inf, _m.atan2(y, x)
        return nan, nan
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
    r = complex(*_log(*_z(z)))
    if base is None:
        return r
    return r / complex(*_log(*_z(base)))


def log10(z):
    """Return the base-10 logarithm of z."""
    r, i = _log(*_z(z))
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
    return _result(*_cosh(*_z(z)))


def sinh(z):
    """Return the hyperbolic sine of z."""
    return _result(*_sinh(*_z(z)))


def tanh(z):
    """Return the hyperbolic tangent of z."""
    return complex(*_tanh(*_z(z)))


def cos(z):
    """Return the cosine of z."""
    x, y = _z(z)
    return _result(*_cosh(-y, x))


def sin(z):
    """Return the sine of z."""
    x, y = _z(z)
    r, i = _sinh(-y, x)
    return _result(i, -r)


def tan(z):
    """Return the tangent of z."""
    x, y = _z(z)
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
    return complex(*_asinh(*_z(z)))


def asin(z):
    """Return the arc sine of z."""
    x, y = _z(z)
    r, i = _asinh(-y, x)
    return complex(i, -r)


def acos(z):
    """Return the arc cosine of z."""
    x, y = _z(z)
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
    return complex(*_atanh(*_z(z)))


def atan(z):
    """Return the arc tangent of z."""
    x, y = _z(z)
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
