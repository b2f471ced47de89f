"""Decimal fixed and floating point arithmetic, the common surface:
Decimal (from int, str, float, tuple), + - * / // % ** (integer powers),
comparisons, hashing equal to equal ints and floats, quantize,
to_integral_value, sqrt, the IEEE-style string forms, and contexts
(getcontext, setcontext, localcontext, prec and rounding; the signals
DivisionByZero and InvalidOperation raise, the other flags are not
tracked)."""

import math as _math
import sys as _sys
from _aithon import int_str as _istr, int_parse as _iparse
# Coefficients have any number of digits (as C decimal's): their
# conversions bypass the 4300-digit limit on str(int)/int(str).

__all__ = ['Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
           'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
           'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
           'FloatOperation', 'DivisionImpossible', 'InvalidContext', 'ConversionSyntax',
           'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN',
           'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
           'setcontext', 'getcontext', 'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN',
           'MIN_ETINY']

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


for _c in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
           DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded, Subnormal,
           Overflow, Underflow, FloatOperation):
    _c.__module__ = 'decimal'
del _c


class DecimalTuple(tuple):
    def __new__(cls, sign, digits, exponent):
        return tuple.__new__(cls, (sign, digits, exponent))

    sign = property(lambda self: self[0])
    digits = property(lambda self: self[1])
    exponent = property(lambda self: self[2])

    def __repr__(self):
        return 'DecimalTuple(sign=%r, digits=%r, exponent=%r)' % tuple(self)


class Context:
    """Contains the context for a Decimal instance: prec, rounding, Emin,
    Emax, capitals, clamp, flags and traps."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        self.prec = prec if prec is not None else 28
        self.rounding = rounding if rounding is not None else ROUND_HALF_EVEN
        self.Emin = Emin if Emin is not None else -999999
        self.Emax = Emax if Emax is not None else 999999
        self.capitals = capitals if capitals is not None else 1
        self.clamp = clamp if clamp is not None else 0
        self.flags = {}
        self.traps = {InvalidOperation: True, DivisionByZero: True, Overflow: True}
        if isinstance(traps, dict):
            self.traps.update(traps)
        elif traps is not None:
            for t in traps:
                self.traps[t] = True

    def copy(self):
        c = Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp)
        c.traps = dict(self.traps)
        c.flags = dict(self.flags)
        return c

    __copy__ = copy

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[], traps=[InvalidOperation, DivisionByZero, Overflow])'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp))

    def create_decimal(self, num='0'):
        return Decimal(num)._round(self)

    def plus(self, a):
        return Decimal(a)._round(self)

    def add(self, a, b):
        return _dec(a).__add__(_dec(b), self)

    def subtract(self, a, b):
        return _dec(a).__sub__(_dec(b), self)

    def multiply(self, a, b):
        return _dec(a).__mul__(_dec(b), self)

    def divide(self, a, b):
        return _dec(a).__truediv__(_dec(b), self)

    def sqrt(self, a):
        return _dec(a).sqrt(self)


DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP)
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])
_current = [DefaultContext.copy()]


def getcontext():
    """Returns this thread's context."""
    return _current[0]


def setcontext(context):
    """Set this thread's context to context."""
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
    _current[0] = context


class _LocalContext:
    def __init__(self, ctx):
        self.new = ctx.copy()

    def __enter__(self):
        self.saved = getcontext()
        setcontext(self.new)
        return self.new

    def __exit__(self, t, v, tb):
        setcontext(self.saved)


def localcontext(ctx=None, **kwargs):
    """A context manager for a copy of the current (or given) context."""
    if ctx is None:
        ctx = getcontext()
    lc = _LocalContext(ctx)
    for k, v in kwargs.items():
        setattr(lc.new, k, v)
    return lc


def _dec(x):
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    raise TypeError("conversion from %s to Decimal is not supported" % type(x).__name__)


import re as _re
# [[fill]align][sign][z][#][0][width][,_][.precision][type]
# (C decimal, which CPython uses, refuses '#' and '_').
_FORMAT_SPEC = _re.compile(r'(?:(.)?([<>=^]))?([-+ ])?(z)?()(0)?(\d+)?(,)?(?:\.(\d+))?([eEfFgGn%])?',
                           _re.DOTALL)


def _format_sign(negative, sign):
    if negative:
        return '-'
    if sign in (' ', '+'):
        return sign
    return ''


def _format_align(sgn, body, fill, align, width):
    padding = fill * (width - len(sgn) - len(body))
    if align == '<':
        return sgn + body + padding
    if align == '=':
        return sgn + padding + body
    if align == '^':
        half = len(padding) // 2
        return padding[:half] + sgn + body + padding[half:]
    return padding + sgn + body


def _group_digits(digits, sep, min_width):
    # Zero-pad to min_width (counting separators) and group by threes.
    if not sep:
        return '0' * (min_width - len(digits)) + digits
    min_width = max(min_width, 1)
    groups = []
    while True:
        n = min(max(len(digits), min_width, 1), 3)
        groups.append('0' * (n - len(digits)) + digits[-n:] if n > len(digits) else digits[-n:])
        digits = digits[:-n]
        min_width -= n
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))


def _round_int(coeff, drop, rounding, negative):
    # coeff with its last `drop` digits removed, rounded.
    if drop <= 0:
        return coeff * 10 ** (-drop), False
    div = 10 ** drop
    q, r = divmod(coeff, div)
    if r == 0:
        return q, False
    half = div // 2 if div % 2 == 0 else None
    twice = 2 * r
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = not negative
    elif rounding == ROUND_FLOOR:
        up = negative
    elif rounding == ROUND_HALF_UP:
        up = twice >= div
    elif rounding == ROUND_HALF_DOWN:
        up = twice > div
    elif rounding == ROUND_HALF_EVEN:
        up = twice > div or (twice == div and q % 2 == 1)
    elif rounding == ROUND_05UP:
        up = q % 10 in (0, 5)
    else:
        raise ValueError('bad rounding')
    return q + (1 if up else 0), True


# ---- fixed-point logarithms and exponentials ----------------------------------------------
# Values are ints scaled by 10**w. The results carry ~20 guard digits and
# are marked inexact before the final rounding (they are irrational
# except where the callers return exact results first).

_ln10_cache = {}


def _atanh_series(z, w):
    # atanh(z/10**w) * 10**w for small z.
    one = 10 ** w
    total = 0
    zz = z * z // one
    term = z
    k = 1
    while term:
        total += term // k
        term = term * zz // one
        k += 2
    return total


def _ln_fixed_unit(m, w):
    # ln(m / 10**w) * 10**w for m / 10**w in [1, 10): square roots bring
    # it close to 1, then ln = 2 * atanh((m-1)/(m+1)).
    one = 10 ** w
    k = 0
    while m - one > one // 1000:
        m = _math.isqrt(m * one)
        k += 1
    z = (m - one) * one // (m + one)
    return 2 * _atanh_series(z, w) * (1 << k)


def _ln10_fixed(w):
    v = _ln10_cache.get(w)
    if v is None:
        g = w + 10
        # ln(10) = 2 ln(2) + ln(2.5)
        ln2 = _ln_fixed_unit(2 * 10 ** g, g)
        ln25 = _ln_fixed_unit(25 * 10 ** (g - 1), g)
        v = (2 * ln2 + ln25) // 10 ** 10
        _ln10_cache[w] = v
    return v


def _ln_fixed(coeff, exp, w):
    # ln(coeff * 10**exp) * 10**w.
    g = w + 10
    digits = len(_istr(coeff))
    m = coeff * 10 ** g // 10 ** (digits - 1)   # in [1, 10) scaled
    k = exp + digits - 1
    v = _ln_fixed_unit(m, g) + k * _ln10_fixed(g)
    return v // 10 ** 10


def _exp_fixed(x, w):
    # exp(x / 10**w) as (q, n): n / 10**w in [1, 10) times 10**q.
    g = w + 10
    one = 10 ** g
    x = x * 10 ** 10
    ln10 = _ln10_fixed(g)
    q = x // ln10
    r = x - q * ln10          # in [0, ln 10)
    k = 0
    while r > one // 1000:
        r //= 2
        k += 1
    # Taylor series of exp(r)
    total = one
    term = one
    i = 1
    while term:
        term = term * r // (one * i)
        total += term
        i += 1
    for _ in range(k):
        total = total * total // one
    while total >= 10 * one:
        total //= 10
        q += 1
    while total < one:
        total *= 10
        q -= 1
    return q, total // 10 ** 10


def _from_fixed(sign, n, w, q):
    d = object.__new__(Decimal)
    d._special = None
    d._sign = sign
    d._int = n * 10 + 1
    d._exp = q - w - 1
    return d


class Decimal:
    """Construct a new Decimal object. 'value' can be an integer, string,
    tuple, or another Decimal object. If no value is given, return
    Decimal('0')."""

    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        self._special = None
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = (value._sign, value._int,
                                                               value._exp, value._special)
            return self
        if isinstance(value, bool) or isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(int(value))
            self._exp = 0
            return self
        if isinstance(value, float):
            if value != value:
                self._set_special('n', 0)
                return self
            if value in (float('inf'), float('-inf')):
                self._set_special('F', 1 if value < 0 else 0)
                return self
            sign = 1 if _math.copysign(1.0, value) < 0 else 0
            n, d = abs(value).as_integer_ratio()
            k = d.bit_length() - 1
            self._sign = sign
            self._int = n * 5 ** k
            self._exp = -k
            return self
        if isinstance(value, (tuple, list)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if not (isinstance(sign, int) and sign in (0, 1)):
                raise ValueError('sign must be an integer with the value 0 or 1')
            if isinstance(exp, str):
                if exp not in ('F', 'n', 'N'):
                    raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
            elif not isinstance(exp, int):
                raise ValueError('exponent must be an integer')
            if not isinstance(digits, (tuple, list)) or \
                    not all(isinstance(d, int) and 0 <= d <= 9 for d in digits):
                raise ValueError('coefficient must be a tuple of digits')
            if exp == 'F':
                digits = ()
            self._sign = sign
            self._int = _iparse(''.join(str(d) for d in digits) or '0')
            if isinstance(exp, str):
                self._set_special({'F': 'F', 'n': 'n', 'N': 'N'}[exp], sign)
            else:
                self._exp = exp
            return self
        if isinstance(value, str):
            s = value.strip().replace('_', '')
            if not self._parse(s):
                raise InvalidOperation([ConversionSyntax])
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    def _set_special(self, kind, sign):
        self._special = kind       # 'F' infinity, 'n' quiet NaN, 'N' signaling NaN
        self._sign = sign
        self._int = 0
        self._exp = 0

    def _parse(self, s):
        sign = 0
        if s[:1] in '+-':
            sign = 1 if s[0] == '-' else 0
            s = s[1:]
        low = s.lower()
        if low in ('inf', 'infinity'):
            self._set_special('F', sign)
            return True
        if low.startswith('nan') or low.startswith('snan'):
            rest = low[4:] if low.startswith('snan') else low[3:]
            if rest and not rest.isdigit():
                return False
            self._set_special('N' if low.startswith('snan') else 'n', sign)
            self._int = _iparse(rest) if rest else 0
            return True
        exp = 0
        epos = low.find('e')
        if epos >= 0:
            e = low[epos + 1:]
            low = low[:epos]
            if e[:1] in '+-':
                if not e[1:].isdigit():
                    return False
            elif not e.isdigit():
                return False
            exp = int(e)
        whole, dot, frac = low.partition('.')
        if not whole and not frac:
            return False
        if (whole and not (whole.isdigit() and whole.isascii())) or \
                (frac and not (frac.isdigit() and frac.isascii())):
            return False
        self._sign = sign
        self._int = _iparse((whole + frac) or '0')
        self._exp = exp - len(frac)
        return True

    # ---- conversion helpers -----------------------------------------------------------

    @classmethod
    def from_float(cls, f):
        """Converts a float to a decimal number, exactly."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float.")
        return cls(f)

    def _is_special(self):
        return self._special is not None

    def is_nan(self):
        return self._special in ('n', 'N')

    def is_snan(self):
        return self._special == 'N'

    def is_qnan(self):
        return self._special == 'n'

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return self._special is None

    def is_zero(self):
        return self._special is None and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def adjusted(self):
        """Return the adjusted exponent of self"""
        if self._special is not None:
            return 0
        return self._exp + len(_istr(self._int)) - 1

    def as_tuple(self):
        """Represents the number as a triple tuple."""
        if self._special == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        if self._special is not None:
            return DecimalTuple(self._sign, tuple(int(c) for c in _istr(self._int)) if self._int
                                else (), self._special)
        return DecimalTuple(self._sign, tuple(int(c) for c in _istr(self._int)), self._exp)

    def as_integer_ratio(self):
        if self._special == 'F':
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._special is not None:
            raise ValueError('cannot convert NaN to integer ratio')
        n, d = self._int, 1
        if self._exp >= 0:
            n *= 10 ** self._exp
        else:
            d = 10 ** -self._exp
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    def _fraction(self):
        return self.as_integer_ratio()

    # ---- strings -----------------------------------------------------------------------

    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special == 'F':
            return sign + 'Infinity'
        if self._special is not None:
            return sign + ('sNaN' if self._special == 'N' else 'NaN') + \
                (_istr(self._int) if self._int else '')
        digits = _istr(self._int)
        exp = self._exp
        leftdigits = exp + len(digits)
        if exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            e = ''
        else:
            caps = getcontext().capitals if context is None else context.capitals
            e = ['e', 'E'][caps] + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + e

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __format__(self, spec, _localeconv=None):
        # The format mini-language for decimals: the exact digits, rounded
        # with the context's rounding only when a precision asks for it;
        # no type is 'g'/'G' (by context.capitals) keeping every digit.
        m = _FORMAT_SPEC.fullmatch(spec)
        if m is None:
            raise ValueError('invalid format string')
        fill, align, sign, nozero, alt, zero, width, sep, prec, kind = m.groups()
        ctx = getcontext()
        if kind is None:
            kind = 'G' if ctx.capitals else 'g'
        elif kind == 'n':
            kind = 'g'
        width = int(width) if width else 0
        prec = int(prec) if prec is not None else None
        if self._special is not None:
            # Zero padding does not apply to Infinity and NaN.
            fill = fill or ' '
            align = align or '>'
            body = str(abs(self))
            if kind == '%':
                body += '%'
            return _format_align(_format_sign(self._sign, sign), body, fill, align, width)
        if zero and not align:
            fill, align = '0', '='
        fill = fill or ' '
        align = align or '>'
        negative = self._sign
        coeff, exp = self._int, self._exp
        if kind == '%':
            exp += 2
        rounding = ctx.rounding
        if prec is not None:
            ndigits = len(_istr(coeff))
            if kind in 'eE' and coeff:
                # exactly prec + 1 significant digits (zeros appended);
                # a zero keeps its exponent
                drop = ndigits - (prec + 1)
                coeff, _ = _round_int(coeff, drop, rounding, negative)
                exp += drop
                if coeff and len(_istr(coeff)) > prec + 1:
                    coeff //= 10
                    exp += 1
            elif kind in 'fF%':
                drop = -prec - exp
                coeff, _ = _round_int(coeff, drop, rounding, negative)
                exp = -prec
            elif kind in 'gG' and ndigits > prec:
                drop = ndigits - prec
                coeff, _ = _round_int(coeff, drop, rounding, negative)
                exp += drop
                if len(_istr(coeff)) > prec:
                    coeff //= 10
                    exp += 1
        if coeff == 0 and exp > 0 and kind in 'fF%':
            exp = 0
        if coeff == 0 and nozero and negative:
            negative = 0
        digits = _istr(coeff) if coeff else '0'
        leftdigits = exp + len(digits)
        if kind in 'eE':
            dotplace = 1 - prec if (coeff == 0 and prec is not None) else 1
        elif kind in 'fF%':
            dotplace = leftdigits
        else:
            dotplace = leftdigits if (exp <= 0 and leftdigits > -6) else 1
        if dotplace < 0:
            intpart = '0'
            fracpart = '0' * (-dotplace) + digits
        elif dotplace > len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace] or '0'
            fracpart = digits[dotplace:]
        e = leftdigits - dotplace
        sgn = _format_sign(negative, sign)
        if fracpart or alt:
            fracpart = '.' + fracpart
        if e != 0 or kind in 'eE':
            fracpart += '{0}{1:+}'.format('E' if kind in 'EG' else 'e', e)
        if kind == '%':
            fracpart += '%'
        min_width = width - len(fracpart) - len(sgn) if zero else 0
        intpart = _group_digits(intpart, sep or '', min_width)
        return _format_align(sgn, intpart + fracpart, fill, align, width)

    def _fixed_str(self):
        digits = _istr(self._int)
        if self._exp >= 0:
            return digits + '0' * self._exp if self._int else '0'
        n = -self._exp
        digits = digits.rjust(n + 1, '0')
        return digits[:-n] + '.' + digits[-n:]

    # ---- numeric conversions ------------------------------------------------------------

    def __float__(self):
        if self._special == 'F':
            return float('-inf') if self._sign else float('inf')
        if self._special is not None:
            return float('nan')
        return float(str(self))

    def __int__(self):
        if self._special == 'F':
            raise OverflowError('cannot convert Infinity to integer')
        if self._special is not None:
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            v = self._int * 10 ** self._exp
        else:
            v = self._int // 10 ** -self._exp
        return -v if self._sign else v

    __trunc__ = __int__

    def __floor__(self):
        n, d = self.as_integer_ratio()
        return n // d

    def __ceil__(self):
        n, d = self.as_integer_ratio()
        return -((-n) // d)

    def __round__(self, n=None):
        if n is None:
            return int(self.to_integral_value(ROUND_HALF_EVEN))
        return self.quantize(Decimal((0, (1,), -n)))

    def __bool__(self):
        return self._special is not None or self._int != 0

    def __hash__(self):
        if self._special is not None:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value.')
            if self.is_nan():
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        n, d = self.as_integer_ratio()
        if d == 1:
            return hash(n)
        from fractions import Fraction
        return hash(Fraction(n, d))

    # ---- rounding --------------------------------------------------------------------------

    def _make(self, sign, coeff, exp):
        d = object.__new__(Decimal)
        d._special = None
        d._sign = sign
        d._int = coeff
        d._exp = exp
        return d

    def _round(self, context=None):
        if context is None:
            context = getcontext()
        if self._special is not None:
            return self
        digits = len(_istr(self._int))
        if digits <= context.prec:
            return self
        drop = digits - context.prec
        coeff, _ = _round_int(self._int, drop, context.rounding, self._sign == 1)
        exp = self._exp + drop
        if len(_istr(coeff)) > context.prec:
            coeff //= 10
            exp += 1
        return self._make(self._sign, coeff, exp)

    def quantize(self, exp, rounding=None, context=None):
        """Quantize self so its exponent is the same as that of exp."""
        exp = _dec(exp)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._special is not None or exp._special is not None:
            if self.is_infinite() and exp.is_infinite():
                return Decimal(self)
            raise InvalidOperation([InvalidOperation])
        target = exp._exp
        if self._exp >= target:
            coeff = self._int * 10 ** (self._exp - target)
        else:
            coeff, _ = _round_int(self._int, target - self._exp, rounding, self._sign == 1)
        if len(_istr(coeff)) > context.prec:
            raise InvalidOperation([InvalidOperation])
        return self._make(self._sign, coeff, target)

    def to_integral_value(self, rounding=None, context=None):
        """Rounds to an integer (exponent 0 when it was negative)."""
        if self._special is not None or self._exp >= 0:
            return Decimal(self)
        if rounding is None:
            rounding = (context or getcontext()).rounding
        coeff, _ = _round_int(self._int, -self._exp, rounding, self._sign == 1)
        return self._make(self._sign, coeff, 0)

    to_integral = to_integral_value

    def normalize(self, context=None):
        """Normalize- strip trailing zeros and round to the context."""
        if self._special is not None:
            return Decimal(self)
        d = self._round(context)
        if d._int == 0:
            return self._make(d._sign, 0, 0)
        coeff, exp = d._int, d._exp
        while coeff % 10 == 0:
            coeff //= 10
            exp += 1
        return self._make(d._sign, coeff, exp)

    # ---- arithmetic ---------------------------------------------------------------------------

    def _coerce(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        return NotImplemented

    def _special_binop(self, other, op):
        if self.is_nan() or other.is_nan():
            if self.is_snan() or other.is_snan():
                raise InvalidOperation([InvalidOperation])
            return Decimal('NaN')
        return None

    def __add__(self, other, context=None):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        if self._special is not None or other._special is not None:
            r = self._special_binop(other, '+')
            if r is not None:
                return r
            if self.is_infinite() and other.is_infinite() and self._sign != other._sign:
                raise InvalidOperation([InvalidOperation])
            return Decimal(self if self.is_infinite() else other)
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        s = a + b
        ctx = context or getcontext()
        if s == 0:
            sign = 1 if (self._sign and other._sign) or \
                (ctx.rounding == ROUND_FLOOR and self._sign != other._sign) else 0
        else:
            sign = 1 if s < 0 else 0
        return self._make(sign, abs(s), exp)._round(ctx)

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other, context=None):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return self.__add__(other.copy_negate(), context)

    def __rsub__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self)

    def __mul__(self, other, context=None):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        sign = self._sign ^ other._sign
        if self._special is not None or other._special is not None:
            r = self._special_binop(other, '*')
            if r is not None:
                return r
            if self.is_zero() or other.is_zero():
                raise InvalidOperation([InvalidOperation])
            return Decimal((sign, (0,), 'F'))
        return self._make(sign, self._int * other._int,
                          self._exp + other._exp)._round(context)

    def __rmul__(self, other):
        return self.__mul__(other)

    def fma(self, other, third, context=None):
        """self * other + third with one rounding (the product is exact)."""
        other = _dec(other)
        third = _dec(third)
        if self._special is None and other._special is None:
            product = self._make(self._sign ^ other._sign, self._int * other._int, self._exp + other._exp)
        else:
            product = self.__mul__(other, context)
        return product.__add__(third, context)

    def __truediv__(self, other, context=None):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        ctx = context or getcontext()
        sign = self._sign ^ other._sign
        if self._special is not None or other._special is not None:
            r = self._special_binop(other, '/')
            if r is not None:
                return r
            if self.is_infinite() and other.is_infinite():
                raise InvalidOperation([InvalidOperation])
            if self.is_infinite():
                return Decimal((sign, (0,), 'F'))
            return self._make(sign, 0, -1000000 if False else 0)
        if other._int == 0:
            if self._int == 0:
                raise InvalidOperation([DivisionUndefined])
            raise DivisionByZero([DivisionByZero])
        ideal = self._exp - other._exp
        if self._int == 0:
            return self._make(sign, 0, ideal)
        # scale so the quotient has prec+1 digits at least
        shift = len(_istr(other._int)) - len(_istr(self._int)) + ctx.prec + 1
        if shift >= 0:
            q, r = divmod(self._int * 10 ** shift, other._int)
        else:
            q, r = divmod(self._int, other._int * 10 ** -shift)
        exp = ideal - shift
        if r == 0:
            # exact: strip zeros back towards the ideal exponent
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
            return self._make(sign, q, exp)._round(ctx)
        # inexact: a sticky digit decides the rounding
        q = q * 10 + 1
        exp -= 1
        return self._make(sign, q, exp)._round(ctx)

    def __rtruediv__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self)

    def _divmod(self, other):
        if other.is_zero():
            if self.is_zero():
                raise InvalidOperation([DivisionUndefined])
            raise DivisionByZero([DivisionByZero])
        n1, d1 = self.as_integer_ratio()
        n2, d2 = other.as_integer_ratio()
        num = n1 * d2
        den = d1 * n2
        q = abs(num) // abs(den)
        if (num < 0) != (den < 0):
            q = -q
        r = self - Decimal(q) * other
        exp = min(self._exp, other._exp)
        if not r._special and r._exp > exp:
            r = r._make(r._sign, r._int * 10 ** (r._exp - exp), exp)
        if r.is_zero():
            r = r._make(self._sign, 0, exp)
        return Decimal(q), r

    def __floordiv__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)[0]

    def __rfloordiv__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self)

    def __mod__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)[1]

    def __rmod__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self)

    def __divmod__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)

    def __pow__(self, other, modulo=None):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        if other._special is None and other._exp >= 0 or \
                (other._special is None and int(other) == other):
            n = int(other)
            if n >= 0:
                return self._make(self._sign if n % 2 else 0, self._int ** n,
                                  self._exp * n)._round()
            if self.is_zero():
                raise DivisionByZero([DivisionByZero])
            return Decimal(1).__truediv__(self._make(self._sign if n % 2 else 0,
                                                     self._int ** -n, self._exp * -n))
        if self._special is None and other._special is None and not self._sign and self._int:
            # exp(other * ln(self)), with guard digits; the appended 1
            # marks the result inexact for the final rounding.
            ctx = getcontext()
            w = ctx.prec + 25
            lnx = _ln_fixed(self._int, self._exp, w)
            y = other._fixed(w)
            t = lnx * y // 10 ** w
            q, n = _exp_fixed(t, w)
            return _from_fixed(0, n, w, q)._round(ctx)
        if self._special is None and self._sign and other._special is None and self._int:
            raise InvalidOperation([InvalidOperation])
        return Decimal(repr(float(self) ** float(other)).replace('inf', 'Infinity'))._round()

    def __rpow__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self)

    def __neg__(self):
        if self.is_zero():
            return self._make(0, 0, self._exp)
        return self.copy_negate()._round()

    def __pos__(self):
        if self.is_zero():
            return self._make(0, 0, self._exp)
        return Decimal(self)._round()

    def __abs__(self):
        return self.copy_abs()._round()

    def copy_negate(self):
        d = Decimal(self)
        d._sign = 1 - self._sign
        return d

    def copy_abs(self):
        d = Decimal(self)
        d._sign = 0
        return d

    def copy_sign(self, other):
        d = Decimal(self)
        d._sign = _dec(other)._sign
        return d

    def sqrt(self, context=None):
        """Return the square root of self."""
        ctx = context or getcontext()
        if self._special is not None:
            if self.is_infinite() and not self._sign:
                return Decimal(self)
            raise InvalidOperation([InvalidOperation])
        if self._int == 0:
            return self._make(self._sign, 0, self._exp // 2)
        if self._sign:
            raise InvalidOperation([InvalidOperation])
        prec = ctx.prec
        # coefficient scaled to an even exponent with 2*prec+2 digits
        c, e = self._int, self._exp
        if e % 2:
            c *= 10
            e -= 1
        shift = max(0, prec + 1 - (len(_istr(c)) + 1) // 2)
        c *= 10 ** (2 * shift)
        e -= 2 * shift
        r = _math.isqrt(c)
        exact = r * r == c
        exp = e // 2
        ideal = self._exp // 2
        if exact:
            while exp < ideal and r % 10 == 0:
                r //= 10
                exp += 1
            return self._make(0, r, exp)._round(ctx)
        r = r * 10 + 1
        exp -= 1
        return self._make(0, r, exp)._round(ctx)

    def exp(self, context=None):
        ctx = context or getcontext()
        if self._special is not None:
            if self._special == 'F':
                return Decimal(0) if self._sign else Decimal(self)
            return Decimal(self)
        if self._int == 0:
            return Decimal(1)
        w = ctx.prec + 20
        x = self._fixed(w + 5)
        q, n = _exp_fixed(x, w + 5)
        return _from_fixed(0, n, w + 5, q)._round(ctx)

    def ln(self, context=None):
        ctx = context or getcontext()
        if self._special is not None:
            if self._special == 'F' and not self._sign:
                return Decimal(self)
            if self._special in ('F', 'N'):
                raise InvalidOperation([InvalidOperation])
            return Decimal(self)
        if self._int == 0:
            return Decimal('-Infinity')
        if self._sign:
            raise InvalidOperation([InvalidOperation])
        if self._int == 1 and self._exp == 0 or self == 1:
            return Decimal(0)
        w = self._ln_digits(ctx)
        v = _ln_fixed(self._int, self._exp, w)
        return _from_fixed(1 if v < 0 else 0, abs(v), w, 0)._round(ctx)

    def log10(self, context=None):
        ctx = context or getcontext()
        if self._special is not None:
            if self._special == 'F' and not self._sign:
                return Decimal(self)
            if self._special in ('F', 'N'):
                raise InvalidOperation([InvalidOperation])
            return Decimal(self)
        if self._int == 0:
            return Decimal('-Infinity')
        if self._sign:
            raise InvalidOperation([InvalidOperation])
        # An exact power of ten has an exact (integer) logarithm.
        digits = _istr(self._int)
        if digits.rstrip('0') == '1':
            return Decimal(self._exp + len(digits) - 1)
        w = self._ln_digits(ctx)
        v = _ln_fixed(self._int, self._exp, w) * 10 ** w // _ln10_fixed(w)
        return _from_fixed(1 if v < 0 else 0, abs(v), w, 0)._round(ctx)

    def _ln_digits(self, ctx):
        # Fractional digits that leave prec + 20 significant ones even
        # when the logarithm is tiny (self close to 1).
        w = ctx.prec + 20
        diff = abs(self - 1)
        if diff and diff._int:
            adj = diff._exp + len(_istr(diff._int)) - 1
            if adj < 0:
                w += -adj
        return w

    def _fixed(self, w):
        # self * 10**w as an int (truncated).
        if self._exp + w >= 0:
            v = self._int * 10 ** (self._exp + w)
        else:
            v = self._int // 10 ** (-(self._exp + w))
        return -v if self._sign else v

    def max(self, other, context=None):
        other = _dec(other)
        return Decimal(self if self >= other else other)

    def min(self, other, context=None):
        other = _dec(other)
        return Decimal(self if self <= other else other)

    def compare(self, other, context=None):
        other = _dec(other)
        if self.is_nan() or other.is_nan():
            return Decimal('NaN')
        return Decimal(-1 if self < other else 1 if self > other else 0)

    # ---- comparisons ---------------------------------------------------------------------

    def _cmp_key(self, other):
        # Finite against int or finite Decimal: the signed coefficients
        # brought to the smaller exponent (no gcd, no ratio objects).
        if self._special is None:
            if isinstance(other, Decimal):
                if other._special is None:
                    d = self._exp - other._exp
                    if -64 < d < 64:
                        a = -self._int if self._sign else self._int
                        b = -other._int if other._sign else other._int
                        if d >= 0:
                            return a * 10 ** d, b
                        return a, b * 10 ** -d
            elif isinstance(other, int) and 0 <= self._exp < 64:
                a = -self._int if self._sign else self._int
                return a * 10 ** self._exp, other
        if isinstance(other, float):
            other = Decimal(other)
        elif isinstance(other, int):
            other = Decimal(other)
        elif not isinstance(other, Decimal):
            try:
                from fractions import Fraction
                if isinstance(other, Fraction):
                    n1, d1 = self.as_integer_ratio()
                    return n1 * other.denominator, other.numerator * d1
            except ImportError:
                pass
            return None
        if self.is_nan() or other.is_nan():
            return 'nan'
        if self.is_infinite() or other.is_infinite():
            a = 0 if not self.is_infinite() else (-1 if self._sign else 1)
            b = 0 if not other.is_infinite() else (-1 if other._sign else 1)
            if a == 0 and b == 0:
                pass
            else:
                if a == 0:
                    return 0, b
                if b == 0:
                    return a, 0
                return a, b
        n1, d1 = self.as_integer_ratio()
        n2, d2 = other.as_integer_ratio()
        return n1 * d2, n2 * d1

    def __eq__(self, other):
        k = self._cmp_key(other)
        if k is None:
            return NotImplemented
        if k == 'nan':
            return False
        return k[0] == k[1]

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def _order(self, other, op):
        k = self._cmp_key(other)
        if k is None:
            return NotImplemented
        if k == 'nan':
            raise InvalidOperation([InvalidOperation])
        return op(k[0], k[1])

    def __lt__(self, other):
        return self._order(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._order(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._order(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._order(other, lambda a, b: a >= b)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self


import numbers as _numbers
_numbers.Number.register(Decimal)

# CPython writes these classes in C: its messages name them by their C type names.
from _aithon import c_type_name as _c_type_name
_c_type_name(Decimal, "decimal.Decimal")
_c_type_name(Context, "decimal.Context")
