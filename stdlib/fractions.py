"""Fraction, rational numbers of arbitrary precision: Fraction(3, 4),
Fraction('1.25'), Fraction(0.5); exact arithmetic with ints and other
Fractions, float arithmetic with floats."""

import math as _math
import numbers as _numbers
import sys as _sys

__all__ = ['Fraction']

_HASH_MODULUS = _sys.hash_info.modulus
_HASH_INF = _sys.hash_info.inf

def _digits_ok(s):
    # Decimal digits, single underscores allowed between them.
    if not s or not s.isascii():
        return False
    if s[0] == '_' or s[-1] == '_' or '__' in s:
        return False
    return s.replace('_', '').isdigit()


def _parse(text):
    # A string as (numerator, denominator) or None: [sign] int '/' int,
    # or [sign] decimal with an optional fraction and exponent.
    s = text.strip()
    sign = 1
    if s[:1] in ('+', '-'):
        if s[0] == '-':
            sign = -1
        s = s[1:]
    if '/' in s:
        num, _, den = s.partition('/')
        if not _digits_ok(num) or not _digits_ok(den):
            return None
        return sign * int(num), int(den)
    exp = 0
    epos = max(s.find('e'), s.find('E'))
    if epos >= 0:
        e = s[epos + 1:]
        s = s[:epos]
        esign = 1
        if e[:1] in ('+', '-'):
            if e[0] == '-':
                esign = -1
            e = e[1:]
        if not _digits_ok(e):
            return None
        exp = esign * int(e)
    whole, dot, frac = s.partition('.')
    if whole and not _digits_ok(whole):
        return None
    if frac and not _digits_ok(frac):
        return None
    if not whole and not frac:
        return None
    frac = frac.replace('_', '')
    num = int(whole or '0') * 10 ** len(frac) + int(frac or '0')
    den = 10 ** len(frac)
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction(_numbers.Rational):
    """This class implements rational numbers.

    Fraction(8, 6) == Fraction(4, 3); Fraction() is 0. Fractions can be
    built from ints, other rational numbers, floats, Decimals and strings
    such as '3/7', '-1.5' or '2e-3'."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            elif isinstance(numerator, _numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            elif isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
            elif hasattr(numerator, 'as_integer_ratio') and not isinstance(numerator, str):
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
            elif isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif type(numerator) is int is type(denominator):
            pass
        elif isinstance(numerator, _numbers.Rational) and \
                isinstance(denominator, _numbers.Rational):
            numerator, denominator = (numerator.numerator * denominator.denominator,
                                      denominator.numerator * numerator.denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = _math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly."""
        if isinstance(f, _numbers.Integral):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        if isinstance(dec, _numbers.Integral):
            return cls(int(dec))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator):
        obj = object.__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    def as_integer_ratio(self):
        """Return the integer ratio as a tuple."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction of self, keeping the last two
        # convergents h/k; the answer is the last convergent whose
        # denominator fits or the best semiconvergent after it.
        h_prev, k_prev, h, k = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while d:
            a = n // d
            k_new = a * k + k_prev
            if k_new > max_denominator:
                break
            h_prev, k_prev, h, k = h, k, a * h + h_prev, k_new
            n, d = d, n - a * d
        t = (max_denominator - k_prev) // k
        semi = Fraction._from_coprime_ints(h_prev + t * h, k_prev + t * k)
        conv = Fraction._from_coprime_ints(h, k)
        if abs(conv - self) <= abs(semi - self):
            return conv
        return semi

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # Arithmetic: exact with ints and Rationals, float with floats.

    def _coerce(self, other):
        if isinstance(other, Fraction):
            return other._numerator, other._denominator
        if isinstance(other, int):
            return other, 1
        if isinstance(other, _numbers.Rational) and not isinstance(other, float):
            return other.numerator, other.denominator
        return None

    def __add__(a, b):
        o = a._coerce(b)
        if o is not None:
            na, da = a._numerator, a._denominator
            nb, db = o
            if da == db:
                return Fraction(na + nb, da)
            return Fraction(na * db + nb * da, da * db)
        if isinstance(b, float):
            return float(a) + b
        return NotImplemented

    def __radd__(b, a):
        o = b._coerce(a)
        if o is not None:
            return Fraction(o[0], o[1]) + b
        if isinstance(a, float):
            return a + float(b)
        return NotImplemented

    def __sub__(a, b):
        o = a._coerce(b)
        if o is not None:
            na, da = a._numerator, a._denominator
            nb, db = o
            return Fraction(na * db - nb * da, da * db)
        if isinstance(b, float):
            return float(a) - b
        return NotImplemented

    def __rsub__(b, a):
        o = b._coerce(a)
        if o is not None:
            return Fraction(o[0], o[1]) - b
        if isinstance(a, float):
            return a - float(b)
        return NotImplemented

    def __mul__(a, b):
        o = a._coerce(b)
        if o is not None:
            return Fraction(a._numerator * o[0], a._denominator * o[1])
        if isinstance(b, float):
            return float(a) * b
        return NotImplemented

    def __rmul__(b, a):
        o = b._coerce(a)
        if o is not None:
            return Fraction(o[0] * b._numerator, o[1] * b._denominator)
        if isinstance(a, float):
            return a * float(b)
        return NotImplemented

    def __truediv__(a, b):
        o = a._coerce(b)
        if o is not None:
            if o[0] == 0 and a._numerator:
                raise ZeroDivisionError('Fraction(%d, 0)' % (1 if a._numerator > 0 else -1))
            return Fraction(a._numerator * o[1], a._denominator * o[0])
        if isinstance(b, float):
            return float(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        o = b._coerce(a)
        if o is not None:
            return Fraction(o[0] * b._denominator, o[1] * b._numerator)
        if isinstance(a, float):
            return a / float(b)
        return NotImplemented

    def __floordiv__(a, b):
        o = a._coerce(b)
        if o is not None:
            return (a._numerator * o[1]) // (a._denominator * o[0])
        if isinstance(b, float):
            return float(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        o = b._coerce(a)
        if o is not None:
            return (o[0] * b._denominator) // (o[1] * b._numerator)
        if isinstance(a, float):
            return a // float(b)
        return NotImplemented

    def __divmod__(a, b):
        o = a._coerce(b)
        if o is not None:
            da, db = a._denominator, o[1]
            div, n_mod = divmod(a._numerator * db, da * o[0])
            return div, Fraction(n_mod, da * db)
        if isinstance(b, float):
            return divmod(float(a), b)
        return NotImplemented

    def __rdivmod__(b, a):
        o = b._coerce(a)
        if o is not None:
            return divmod(Fraction(o[0], o[1]), b)
        if isinstance(a, float):
            return divmod(a, float(b))
        return NotImplemented

    def __mod__(a, b):
        o = a._coerce(b)
        if o is not None:
            da, db = a._denominator, o[1]
            return Fraction((a._numerator * db) % (o[0] * da), da * db)
        if isinstance(b, float):
            return float(a) % b
        return NotImplemented

    def __rmod__(b, a):
        o = b._coerce(a)
        if o is not None:
            return Fraction(o[0], o[1]) % b
        if isinstance(a, float):
            return a % float(b)
        return NotImplemented

    def __pow__(a, b):
        """a ** b: a Fraction when b is an int (or a Fraction equal to one),
        else a float."""
        if isinstance(b, _numbers.Rational) and not isinstance(b, float):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_coprime_ints(a._numerator ** power,
                                                       a._denominator ** power)
                elif a._numerator > 0:
                    return Fraction._from_coprime_ints(a._denominator ** -power,
                                                       a._numerator ** -power)
                elif a._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % a._denominator ** -power)
                else:
                    return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                                       (-a._numerator) ** -power)
            return float(a) ** float(b)
        if isinstance(b, float):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, _numbers.Rational) and not isinstance(a, float):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: Coerces a subclass instance to Fraction"""
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        """-a"""
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        """abs(a)"""
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a):
        """int(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        """math.trunc(a)"""
        return a.__int__()

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits): halves to even."""
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            elif remainder * 2 > d:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            else:
                return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        else:
            return Fraction(round(self / shift) * shift)

    def __float__(a):
        return a._numerator / a._denominator

    def __hash__(self):
        """hash(self): equal to the hash of an equal int or float (the
        rule of the language reference: numerator times the inverse of the
        denominator, modulo sys.hash_info.modulus)."""
        m, n = self._numerator, self._denominator
        if n % _HASH_MODULUS == 0:
            h = _HASH_INF
        else:
            h = (abs(m) % _HASH_MODULUS) * pow(n, _HASH_MODULUS - 2, _HASH_MODULUS) % _HASH_MODULUS
        if m < 0:
            h = -h
        return -2 if h == -1 else h

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, _numbers.Rational) and not isinstance(b, float):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, float):
            if _math.isnan(b) or _math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, _numbers.Rational) and not isinstance(other, float):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, _gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, _le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, _ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _lt(a, b):
    return a < b


def _gt(a, b):
    return a > b


def _le(a, b):
    return a <= b


def _ge(a, b):
    return a >= b
