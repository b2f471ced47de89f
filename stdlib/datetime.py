# aithon: native
"""Basic date and time types: date, time, datetime, timedelta, tzinfo and
timezone, with CPython's arithmetic, comparisons, formatting (isoformat,
strftime in the C locale, strptime, fromisoformat) and error messages."""

import time as _time

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTHNAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULLMONTHNAMES = (None, "January", "February", "March", "April", "May", "June",
                   "July", "August", "September", "October", "November", "December")
_DAYNAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULLDAYNAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                 "Saturday", "Sunday")


def _isleap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    if m == 2 and _isleap(y):
        return 29
    return _DAYS_IN_MONTH[m]


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd2ord(y, m, d):
    return (_days_before_year(y) + _DAYS_BEFORE_MONTH[m] + (m > 2 and _isleap(y))) + d


def _ord2ymd(n):
    # n is 1-based (0001-01-01 is 1).
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    n -= preceding
    return year, month, n + 1


def _index(x):
    if isinstance(x, int):
        return int(x)
    if hasattr(type(x), '__index__'):
        return type(x).__index__(x)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)


def _check_date_fields(year, month, day):
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _index(hour)
    minute = _index(minute)
    second = _index(second)
    microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % type(tz).__name__)


def _cmperror(x, y):
    raise TypeError("can't compare '%s' to '%s'" % (type(x).__name__, type(y).__name__))


def _round_half_even_div(num, den):
    # num/den rounded to the nearest int, ties to even (den > 0).
    q, r = divmod(num, den)
    r2 = r * 2
    if r2 > den or (r2 == den and q % 2 == 1):
        q += 1
    return q


def _ratio(x):
    # An int or float as an exact fraction (num, den).
    if isinstance(x, int):
        return int(x), 1
    if isinstance(x, float):
        return x.as_integer_ratio()
    raise TypeError("unsupported type for timedelta %s component: %s" % ('', type(x).__name__))


def _typename(obj):
    t = type(obj)
    mod = t.__module__
    if mod == 'datetime' or mod == 'builtins':
        return t.__name__
    return t.__name__


def _fmt_offset(off, sep=':'):
    # A utcoffset as [+-]HH[:MM[:SS[.ffffff]]].
    if off is None:
        return ''
    if off.days < 0:
        sign = '-'
        off = -off
    else:
        sign = '+'
    hh, mm = divmod(off, timedelta(hours=1))
    mm, ss = divmod(mm, timedelta(minutes=1))
    s = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if ss or ss.microseconds:
        s += '%s%02d' % (sep, ss.seconds)
        if ss.microseconds:
            s += '.%06d' % ss.microseconds
    return s


# ---- timedelta -----------------------------------------------------------------

class timedelta:
    """Difference between two datetime values.

    timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0,
    hours=0, weeks=0)"""

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        # Everything as an exact fraction of microseconds, rounded half to
        # even once at the end.
        num = 0
        den = 1
        for value, scale, name in ((days, 86400000000, 'days'), (seconds, 1000000, 'seconds'),
                                   (microseconds, 1, 'microseconds'),
                                   (milliseconds, 1000, 'milliseconds'),
                                   (minutes, 60000000, 'minutes'), (hours, 3600000000, 'hours'),
                                   (weeks, 604800000000, 'weeks')):
            if value.__class__ is int:
                if value:
                    num += value * scale * den
                continue
            if isinstance(value, int):
                n, d = int(value), 1
            elif isinstance(value, float):
                if value != value or value in (float('inf'), float('-inf')):
                    raise ValueError('cannot convert float %s to integer' % value)
                n, d = value.as_integer_ratio()
            else:
                raise TypeError('unsupported type for timedelta %s component: %s'
                                % (name, type(value).__name__))
            num = num * d + n * scale * den
            den *= d
        us = num // den if den == 1 else _round_half_even_div(num, den)
        return cls._from_us(us)

    @classmethod
    def _from_us(cls, us):
        self = object.__new__(cls)
        d, rem = divmod(us, 86400000000)
        s, u = divmod(rem, 1000000)
        if not -999999999 <= d <= 999999999:
            # CPython holds the day count in a C int before checking it.
            if not -2147483648 <= d <= 2147483647:
                raise OverflowError('Python int too large to convert to C int')
            raise OverflowError('days=%d; must have magnitude <= 999999999' % d)
        self._days = d
        self._seconds = s
        self._microseconds = u
        self._hashcode = -1
        return self

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        """Number of days."""
        return self._days

    @property
    def seconds(self):
        """Number of seconds (>= 0 and less than 1 day)."""
        return self._seconds

    @property
    def microseconds(self):
        """Number of microseconds (>= 0 and less than 1 second)."""
        return self._microseconds

    def total_seconds(self):
        """Total seconds in the duration."""
        return self._to_us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        if not args:
            args.append('0')
        name = 'datetime.timedelta' if type(self) is timedelta else type(self).__name__
        return '%s(%s)' % (name, ', '.join(args))

    def __format__(self, spec):
        # object.__format__, with the type named as CPython's C type is.
        if not isinstance(spec, str):
            raise TypeError('format() argument 2 must be str, not %s' % type(spec).__name__)
        if spec:
            raise TypeError('unsupported format string passed to datetime.timedelta.__format__')
        return str(self)

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            s = '%d day%s, ' % (self._days, 's' if abs(self._days) != 1 else '') + s
        if self._microseconds:
            s = s + '.%06d' % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._to_us())

    def __pos__(self):
        return timedelta._from_us(self._to_us())

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_us(_round_half_even_div(self._to_us() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            if not other:
                raise ZeroDivisionError('integer division or modulo by zero')
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._from_us(self._to_us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            if not other:
                raise ZeroDivisionError('division by zero')
            return self._to_us() / other._to_us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._from_us(_round_half_even_div(self._to_us(), other)
                                      if other > 0 else
                                      _round_half_even_div(-self._to_us(), -other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            if a == 0:
                raise ZeroDivisionError('division by zero')
            if a < 0:
                a, b = -a, -b
            return timedelta._from_us(_round_half_even_div(b * self._to_us(), a))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            if not other:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta._from_us(self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            if not other:
                raise ZeroDivisionError('integer division or modulo by zero')
            q, r = divmod(self._to_us(), other._to_us())
            return q, timedelta._from_us(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() == other._to_us()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() != other._to_us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() < other._to_us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() <= other._to_us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() > other._to_us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() >= other._to_us()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ---- strftime / strptime -----------------------------------------------------------

def _wday(y, m, d):
    return (_ymd2ord(y, m, d) + 6) % 7      # Monday is 0


def _isocalendar(y, m, d):
    year = y
    week1 = _iso_week1_monday(year)
    today = _ymd2ord(y, m, d)
    week, day = divmod(today - week1, 7)
    if week < 0:
        year -= 1
        week1 = _iso_week1_monday(year)
        week, day = divmod(today - week1, 7)
    elif week >= 52:
        if today >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
    return year, week + 1, day + 1


def _iso_week1_monday(year):
    first = _ymd2ord(year, 1, 1)
    wd = (first + 6) % 7
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


def _strftime(fmt, y, mo, d, hh, mi, ss, us, obj, is_date):
    # The C locale's strftime, with %f, %z and %Z from the object.
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
    out = []
    i = 0
    n = len(fmt)
    wd = _wday(y, mo, d)
    yday = _ymd2ord(y, mo, d) - _ymd2ord(y, 1, 1) + 1
    while i < n:
        c = fmt[i]
        i += 1
        if c != '%' or i >= n:
            out.append(c)
            continue
        c = fmt[i]
        i += 1
        pad = True
        if c == '-' and i < n:
            pad = False
            c = fmt[i]
            i += 1

        def num(v, w):
            return ('%0*d' % (w, v)) if pad else str(v)
        if c == 'Y':
            out.append(str(y))
        elif c == 'y':
            out.append(num(y % 100, 2))
        elif c == 'C':
            out.append(num(y // 100, 2))
        elif c == 'm':
            out.append(num(mo, 2))
        elif c == 'd':
            out.append(num(d, 2))
        elif c == 'e':
            out.append('%2d' % d if pad else str(d))
        elif c == 'H':
            out.append(num(hh, 2))
        elif c == 'I':
            out.append(num(hh % 12 or 12, 2))
        elif c == 'M':
            out.append(num(mi, 2))
        elif c == 'S':
            out.append(num(ss, 2))
        elif c == 'f':
            out.append('%06d' % us)
        elif c == 'p':
            out.append('AM' if hh < 12 else 'PM')
        elif c == 'P':
            out.append('am' if hh < 12 else 'pm')
        elif c == 'a':
            out.append(_DAYNAMES[wd])
        elif c == 'A':
            out.append(_FULLDAYNAMES[wd])
        elif c == 'b' or c == 'h':
            out.append(_MONTHNAMES[mo])
        elif c == 'B':
            out.append(_FULLMONTHNAMES[mo])
        elif c == 'j':
            out.append(num(yday, 3))
        elif c == 'w':
            out.append(str((wd + 1) % 7))
        elif c == 'u':
            out.append(str(wd + 1))
        elif c == 'U':
            out.append(num((yday + 6 - (wd + 1) % 7) // 7, 2))
        elif c == 'W':
            out.append(num((yday + 6 - wd) // 7, 2))
        elif c == 'G':
            out.append(str(_isocalendar(y, mo, d)[0]))
        elif c == 'V':
            out.append(num(_isocalendar(y, mo, d)[1], 2))
        elif c == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (_DAYNAMES[wd], _MONTHNAMES[mo], d,
                                                        hh, mi, ss, y))
        elif c == 'x':
            out.append('%02d/%02d/%02d' % (mo, d, y % 100))
        elif c == 'X' or c == 'T':
            out.append('%02d:%02d:%02d' % (hh, mi, ss))
        elif c == 'D':
            out.append('%02d/%02d/%02d' % (mo, d, y % 100))
        elif c == 'F':
            out.append('%d-%02d-%02d' % (y, mo, d))
        elif c == 'R':
            out.append('%02d:%02d' % (hh, mi))
        elif c == 'r':
            out.append('%02d:%02d:%02d %s' % (hh % 12 or 12, mi, ss, 'AM' if hh < 12 else 'PM'))
        elif c == 'n':
            out.append('\n')
        elif c == 't':
            out.append('\t')
        elif c == 'z':
            off = None if is_date else obj.utcoffset()
            out.append(_fmt_offset(off, '') if off is not None else '')
        elif c == 'Z':
            name = None if is_date else obj.tzname()
            out.append(name if name is not None else '')
        elif c == 's':
            out.append(str(int(_time.mktime((y, mo, d, hh, mi, ss, wd, yday, -1)))))
        elif c == '%':
            out.append('%')
        else:
            out.append('%' + ('' if pad else '-') + c)
    return ''.join(out)


_STRPTIME_RE = {
    'd': r'(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])',
    'f': r'(?P<f>[0-9]{1,6})',
    'H': r'(?P<H>2[0-3]|[0-1]\d|\d)',
    'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])',
    'G': r'(?P<G>\d\d\d\d)',
    'j': r'(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
    'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])',
    'M': r'(?P<M>[0-5]\d|\d)',
    'S': r'(?P<S>6[0-1]|[0-5]\d|\d)',
    'U': r'(?P<U>5[0-3]|[0-4]\d|\d)',
    'w': r'(?P<w>[0-6])',
    'u': r'(?P<u>[1-7])',
    'V': r'(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)',
    'y': r'(?P<y>\d\d)',
    'Y': r'(?P<Y>\d\d\d\d)',
    'z': r'(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))',
    'a': r'(?P<a>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)',
    'A': r'(?P<A>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)',
    'b': r'(?P<b>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)',
    'B': r'(?P<B>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)',
    'p': r'(?P<p>am|pm)',
    'Z': r'(?P<Z>utc|gmt|[a-z]{3,5})',
    'W': r'(?P<W>5[0-3]|[0-4]\d|\d)',
    '%': '%',
}
_STRPTIME_ALIASES = {'T': '%H:%M:%S', 'R': '%H:%M', 'D': '%m/%d/%y', 'F': '%Y-%m-%d',
                     'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S',
                     'h': '%b', 'e': '%d'}
_strptime_cache = {}


def _strptime_regex(fmt):
    import re
    pat = _strptime_cache.get(fmt)
    if pat is not None:
        return pat
    out = []
    seen = set()
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c == '%':
            if i >= n:
                raise ValueError("stray %% in format '%s'" % fmt)
            c = fmt[i]
            i += 1
            if c in _STRPTIME_ALIASES:
                out.append(_strptime_regex(_STRPTIME_ALIASES[c]).pattern)
                continue
            if c not in _STRPTIME_RE:
                raise ValueError("'%s' is a bad directive in format '%s'" % (c, fmt))
            r = _STRPTIME_RE[c]
            if c in seen and c != '%':
                r = '(?P=%s)' % c
            seen.add(c)
            out.append(r)
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            out.append(r'\s+')
        else:
            out.append(re.escape(c))
    pat = re.compile(''.join(out), re.IGNORECASE)
    _strptime_cache[fmt] = pat
    return pat


def _strptime(data, fmt):
    # (year, month, day, hour, minute, second, microsecond, tzinfo or None)
    for arg, name in ((data, 'argument 1'), (fmt, 'argument 2')):
        if not isinstance(arg, str):
            raise TypeError('strptime() %s must be str, not %s' % (name, type(arg).__name__))
    pat = _strptime_regex(fmt)
    m = pat.match(data)
    if m is None:
        raise ValueError("time data %r does not match format %r" % (data, fmt))
    if len(data) != m.end():
        raise ValueError("unconverted data remains: %s" % data[m.end():])
    g = m.groupdict()
    year = 1900
    month = day = 1
    hour = minute = second = us = 0
    tz = None
    yday = None
    weekday = None
    if g.get('Y') is not None:
        year = int(g['Y'])
    elif g.get('y') is not None:
        year = int(g['y'])
        year += 2000 if year <= 68 else 1900
    if g.get('m') is not None:
        month = int(g['m'])
    for k in ('b', 'B'):
        if g.get(k) is not None:
            v = g[k].lower()[:3]
            month = [x and x.lower() for x in _MONTHNAMES].index(v)
    if g.get('d') is not None:
        day = int(g['d'])
    if g.get('H') is not None:
        hour = int(g['H'])
    elif g.get('I') is not None:
        hour = int(g['I']) % 12
        if g.get('p') is not None and g['p'].lower() == 'pm':
            hour += 12
    if g.get('M') is not None:
        minute = int(g['M'])
    if g.get('S') is not None:
        second = int(g['S'])
    if g.get('f') is not None:
        us = int(g['f'] + '0' * (6 - len(g['f'])))
    if g.get('j') is not None:
        yday = int(g['j'])
    for k in ('a', 'A'):
        if g.get(k) is not None:
            weekday = [x.lower() for x in _DAYNAMES].index(g[k].lower()[:3])
    if g.get('z') is not None:
        z = g['z']
        if z.upper() == 'Z':
            tz = timezone.utc
        else:
            sign = -1 if z[0] == '-' else 1
            z = z[1:].replace(':', '')
            hh = int(z[0:2])
            mm = int(z[2:4])
            ss = int(z[4:6]) if len(z) >= 6 else 0
            frac = z[7:] if len(z) > 7 else ''
            fus = int(frac + '0' * (6 - len(frac))) if frac else 0
            tz = timezone(sign * timedelta(hours=hh, minutes=mm, seconds=ss, microseconds=fus))
    if yday is not None:
        y, mo, d = _ord2ymd(_ymd2ord(year, 1, 1) + yday - 1)
        year, month, day = y, mo, d
    if day > _days_in_month(year, month) and month == 2 and day == 29 and 'Y' not in g:
        year = 1904
    return year, month, day, hour, minute, second, us, tz, weekday


# ---- date --------------------------------------------------------------------------

class date:
    """date(year, month, day) --> date object"""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    # Other constructors

    @classmethod
    def fromtimestamp(cls, t):
        """Construct a date from a POSIX timestamp (like time.time())."""
        y, m, d = _time.localtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        """Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """int -> date corresponding to a proleptic Gregorian ordinal."""
        n = _index(n)
        if not 1 <= n <= _MAXORDINAL:
            raise ValueError('ordinal must be >= 1')
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        """str -> Construct a date from a string in ISO 8601 format."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            y, m, d = _parse_isodate(date_string)
            if len(date_string) not in (7, 8, 10):
                raise ValueError
            return cls(y, m, d)
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % date_string) from None

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """int, int, int -> Construct a date from the ISO year, week number and weekday."""
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError('Year is out of range: %d' % year)
        if not 0 < week < 53:
            out_of_range = True
            if week == 53:
                first_weekday = _ymd2ord(year, 1, 1) % 7
                if first_weekday == 4 or (first_weekday == 3 and _isleap(year)):
                    out_of_range = False
            if out_of_range:
                raise ValueError('Invalid week: %d' % week)
        if not 0 < day < 8:
            raise ValueError('Invalid weekday: %d (range is [1, 7])' % day)
        o = _iso_week1_monday(year) + (week - 1) * 7 + day - 1
        y, m, d = _ord2ymd(o)
        return cls(y, m, d)

    # Conversions to string

    def __repr__(self):
        name = 'datetime.date' if type(self) is date else type(self).__name__
        return '%s(%d, %d, %d)' % (name, self._year, self._month, self._day)

    def ctime(self):
        """Return ctime() style string."""
        wd = self.toordinal() % 7 or 7
        return '%s %s %2d 00:00:00 %04d' % (_DAYNAMES[wd - 1], _MONTHNAMES[self._month],
                                           self._day, self._year)

    def strftime(self, format):
        """format -> strftime() style string."""
        return _strftime(format, self._year, self._month, self._day, 0, 0, 0, 0, self, True)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('must be str, not %s' % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        """Return string in ISO 8601 format, YYYY-MM-DD."""
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    __str__ = isoformat

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  self.toordinal() - _ymd2ord(self._year, 1, 1) + 1, -1))

    def toordinal(self):
        """Return proleptic Gregorian ordinal for the year, month and day."""
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        """Return date with new specified fields."""
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    # Comparisons

    def _cmpkey(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) \
                and not isinstance(self, datetime):
            return self._cmpkey() == other._cmpkey()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() <= other._cmpkey()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() < other._cmpkey()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() >= other._cmpkey()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() > other._cmpkey()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._cmpkey())
        return self._hashcode

    # Computations

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                y, m, d = _ord2ymd(o)
                return type(self)(y, m, d)
            raise OverflowError('date value out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def weekday(self):
        """Return the day of the week represented by the date.
Monday == 0 ... Sunday == 6"""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """Return the day of the week represented by the date.
Monday == 1 ... Sunday == 7"""
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        """Return a named tuple containing ISO year, week number, and weekday."""
        return IsoCalendarDate(*_isocalendar(self._year, self._month, self._day))

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


class IsoCalendarDate(tuple):

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return '%s(year=%d, week=%d, weekday=%d)' % (
            'datetime.IsoCalendarDate' if type(self) is IsoCalendarDate else type(self).__name__,
            self[0], self[1], self[2])


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _parse_isodate(s):
    # YYYY-MM-DD or YYYYMMDD or YYYY-Www[-D] / YYYYWww[D]; returns (y, m, d)
    if len(s) < 7:
        raise ValueError
    y = int(_digits(s[0:4], 4))
    dash = s[4] == '-'
    p = 5 if dash else 4
    if s[p] == 'W':
        p += 1
        week = int(_digits(s[p:p + 2]))
        p += 2
        wd = 1
        if len(s) > p:
            if dash:
                if s[p] != '-':
                    raise ValueError
                p += 1
            wd = int(_digits(s[p:p + 1], 1))
            p += 1
        if len(s) != p:
            raise ValueError
        d = date.fromisocalendar(y, week, wd)
        return d.year, d.month, d.day
    m = int(_digits(s[p:p + 2]))
    p += 2
    if dash:
        if s[p:p + 1] != '-':
            raise ValueError
        p += 1
    d = int(_digits(s[p:p + 2]))
    p += 2
    if p != len(s):
        raise ValueError
    return y, m, d


def _digits(s, n=2):
    if not s or not s.isdigit() or not s.isascii() or (n and len(s) != n):
        raise ValueError
    return s


def _parse_isotime(s):
    # HH[:MM[:SS[.fff[fff]]]][tz] (colons optional, all or none); returns
    # (h, m, s, us, tzinfo or None)
    tzi = None
    for i, c in enumerate(s):
        if c in '+-Z':
            tzs = s[i:]
            s = s[:i]
            if tzs == 'Z':
                tzi = timezone.utc
            else:
                sign = -1 if tzs[0] == '-' else 1
                h, mi, se, us, z = _parse_isotime(tzs[1:])
                if z is not None:
                    raise ValueError
                off = timedelta(hours=h, minutes=mi, seconds=se, microseconds=us)
                tzi = timezone.utc if not off else timezone(sign * off)
            break
    colon = len(s) > 2 and s[2] == ':'
    comps = [int(_digits(s[0:2])), 0, 0, 0]
    p = 2
    k = 1
    while p < len(s) and k < 3:
        if s[p] in '.,':
            break
        if colon:
            if s[p] != ':':
                raise ValueError
            p += 1
        comps[k] = int(_digits(s[p:p + 2]))
        p += 2
        k += 1
    if p < len(s):
        if s[p] not in '.,' or k < 3:
            raise ValueError
        frac = _digits(s[p + 1:], 0)
        comps[3] = int((frac + '000000')[:6])
    return comps[0], comps[1], comps[2], comps[3], tzi


# ---- tzinfo, timezone ---------------------------------------------------------------

class tzinfo:
    """Abstract base class for time zone info objects."""

    __slots__ = ()

    def tzname(self, dt):
        """datetime -> string name of time zone."""
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        """datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"""
        raise NotImplementedError('a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        """datetime -> DST offset as timedelta positive east of UTC."""
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() requires a datetime argument')
        if dt.tzinfo is not self:
            raise ValueError('dt.tzinfo is not self')
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError('fromutc() requires a non-None utcoffset() result')
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError('fromutc() requires a non-None dst() result')
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError('fromutc(): dt.dst gave inconsistent results; cannot convert')
        return dt + dtdst


class timezone(tzinfo):
    """Fixed offset from UTC implementation of tzinfo."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) '
                             'and timedelta(hours=24), not %r.' % (offset,))
        if name is None and not offset and cls is timezone and _utc is not None:
            return _utc
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _utc:
            return 'datetime.timezone.utc'
        name = 'datetime.timezone' if type(self) is timezone else type(self).__name__
        if self._name is None:
            return '%s(%r)' % (name, self._offset)
        return '%s(%r, %r)' % (name, self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError('utcoffset(dt) argument must be a datetime instance or None')

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError('tzname(dt) argument must be a datetime instance or None')

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError('dst(dt) argument must be a datetime instance or None')

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError('fromutc: dt.tzinfo is not self')
            return dt + self._offset
        raise TypeError('fromutc() argument must be a datetime instance or None')

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return 'UTC'
        return 'UTC' + _fmt_offset(delta)

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)


_utc = None
_utc = timezone(timedelta(0))
timezone.utc = _utc
UTC = _utc
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))


def _check_utcoffset(offset, name):
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                         "timedelta(hours=24), not %r." % (offset,))
    return offset


# ---- time --------------------------------------------------------------------------

class time:
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object"""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold', '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_utcoffset(self._tzinfo.utcoffset(None), 'utcoffset')

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_utcoffset(self._tzinfo.dst(None), 'dst')

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(None)

    def _cmp(self, other, op):
        if not isinstance(other, time):
            return NotImplemented
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if (myoff is None) != (otoff is None):
            if op == 'eq':
                return False
            if op == 'ne':
                return True
            raise TypeError("can't compare offset-naive and offset-aware times")
        a = (self._hour * 3600 + self._minute * 60 + self._second) * 1000000 + self._microsecond
        b = (other._hour * 3600 + other._minute * 60 + other._second) * 1000000 + \
            other._microsecond
        if myoff is not None and myoff != otoff:
            a -= myoff._to_us()
            b -= otoff._to_us()
        return _cmp_op(a, b, op)

    def __eq__(self, other):
        return self._cmp(other, 'eq')

    def __ne__(self, other):
        return self._cmp(other, 'ne')

    def __lt__(self, other):
        return self._cmp(other, 'lt')

    def __le__(self, other):
        return self._cmp(other, 'le')

    def __gt__(self, other):
        return self._cmp(other, 'gt')

    def __ge__(self, other):
        return self._cmp(other, 'ge')

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            if not off:
                self._hashcode = hash((self._hour, self._minute, self._second,
                                       self._microsecond))
            else:
                us = (self._hour * 3600 + self._minute * 60 + self._second) * 1000000 + \
                    self._microsecond - off._to_us()
                self._hashcode = hash((us, 'time'))
        return self._hashcode

    def _tzstr(self):
        return _fmt_offset(self.utcoffset())

    def __repr__(self):
        name = 'datetime.time' if type(self) is time else type(self).__name__
        if self._microsecond != 0:
            s = ', %d, %d' % (self._second, self._microsecond)
        elif self._second != 0:
            s = ', %d' % self._second
        else:
            s = ''
        s = '%s(%d, %d%s)' % (name, self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r)' % self._tzinfo
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def isoformat(self, timespec='auto'):
        """Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM]."""
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        tz = self._tzstr()
        if tz:
            s += tz
        return s

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, time_string):
        """string -> time from a string in ISO 8601 format"""
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        s = time_string
        if s.startswith('T'):
            s = s[1:]
        try:
            h, m, sec, us, tz = _parse_isotime(s)
            return cls(h, m, sec, us, tz)
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % time_string) from None

    def strftime(self, format):
        """format -> strftime() style string."""
        return _strftime(format, 1900, 1, 1, self._hour, self._minute, self._second,
                         self._microsecond, self, False)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('must be str, not %s' % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True,
                *, fold=None):
        """Return time with new specified fields."""
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def __reduce__(self):
        return (type(self), (self._hour, self._minute, self._second, self._microsecond,
                             self._tzinfo))


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _cmp_op(a, b, op):
    if op == 'eq':
        return a == b
    if op == 'ne':
        return a != b
    if op == 'lt':
        return a < b
    if op == 'le':
        return a <= b
    if op == 'gt':
        return a > b
    return a >= b


def _format_time(hh, mm, ss, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    elif timespec == 'milliseconds':
        us //= 1000
    if timespec == 'hours':
        return '%02d' % hh
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    raise ValueError('Unknown timespec value')


# ---- datetime ----------------------------------------------------------------------

class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])

The year, month and day arguments are required. tzinfo may be None, or an
instance of a tzinfo subclass. The remaining arguments may be ints.
"""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        if isinstance(t, float):
            if t != t:
                raise ValueError('Invalid value NaN (not a number)')
            frac, t = _modf(t)
            us = round(frac * 1e6)
            if us >= 1000000:
                t += 1
                us -= 1000000
            elif us < 0:
                t -= 1
                us += 1000000
            t = int(t)
        else:
            t = _index(t)
            us = 0
        if utc:
            d, s = divmod(t, 86400)
            y, m, dd = _ord2ymd(d + _ymd2ord(1970, 1, 1))
            hh, s = divmod(s, 3600)
            mm, ss = divmod(s, 60)
        else:
            y, m, dd, hh, mm, ss = _time.localtime(t)[:6]
        ss = min(ss, 59)
        result = cls(y, m, dd, hh, mm, ss, us, tz)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """timestamp[, tz] -> tz's local time from POSIX timestamp."""
        _check_tzinfo(tz)
        result = cls._fromtimestamp(t, tz is not None, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        """Construct a naive UTC datetime from a POSIX timestamp."""
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        """Returns new datetime object representing current time local to tz."""
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        """Return a new datetime representing UTC day and time."""
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """date, time -> datetime with same date and time fields"""
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % type(date).__name__)
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % type(time).__name__)
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """string -> datetime from a string in most ISO 8601 formats"""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        s = date_string
        try:
            if len(s) < 7:
                raise ValueError
            # The date part: up to the separator (any character at the
            # position after a complete date).
            if len(s) >= 8 and s[4] == '-' and s[5] != 'W':
                n = 10
            elif s[4] == '-' and s[5] == 'W':
                n = 10 if len(s) >= 10 and s[8] == '-' else 8
            elif s[4] == 'W':
                n = 8 if len(s) >= 8 and s[7:8].isdigit() else 7
            else:
                n = 8
            y, m, d = _parse_isodate(s[:n])
            if len(s) > n:
                h, mi, sec, us, tz = _parse_isotime(s[n + 1:])
            else:
                h = mi = sec = us = 0
                tz = None
            return cls(y, m, d, h, mi, sec, us, tz)
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % date_string) from None

    @classmethod
    def strptime(cls, date_string, format):
        """string, format -> new datetime parsed from a string (like time.strptime())."""
        y, m, d, hh, mm, ss, us, tz, _ = _strptime(date_string, format)
        return cls(y, m, d, hh, mm, ss, us, tz)

    def timetuple(self):
        """Return time tuple compatible with time.localtime()."""
        dst = self.dst()
        if dst is None:
            dst = -1
        elif dst:
            dst = 1
        else:
            dst = 0
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, self.weekday(),
                                  self.toordinal() - _ymd2ord(self._year, 1, 1) + 1, dst))

    def _local_timestamp(self):
        return _time.mktime((self._year, self._month, self._day, self._hour, self._minute,
                             self._second, -1, -1, -1))

    def timestamp(self):
        """Return POSIX timestamp as float."""
        if self._tzinfo is None:
            return self._local_timestamp() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utctimetuple(self):
        """Return UTC time tuple compatible with time.gmtime()."""
        offset = self.utcoffset()
        if offset:
            self -= offset
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, self.weekday(),
                                  self.toordinal() - _ymd2ord(self._year, 1, 1) + 1, 0))

    def date(self):
        """Return date object with same year, month and day."""
        return date(self._year, self._month, self._day)

    def time(self):
        """Return time object with same time but with tzinfo=None."""
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        """Return time object with same time and tzinfo."""
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                    fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        """Return datetime with new specified fields."""
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second, microsecond, tzinfo,
                          fold=fold)

    def _local_timezone(self):
        if self._tzinfo is None:
            ts = self._local_timestamp()
        else:
            ts = (self - _EPOCH) // timedelta(seconds=1)
        lt = _time.localtime(ts)
        return timezone(timedelta(seconds=lt.tm_gmtoff), lt.tm_zone)

    def astimezone(self, tz=None):
        """tz -> convert to local time in new timezone tz"""
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError("astimezone() argument 1 must be datetime.tzinfo, not %s"
                            % type(tz).__name__)
        mytz = self._tzinfo
        if mytz is None:
            mytz = self._local_timezone()
            myoffset = mytz.utcoffset(self)
        else:
            myoffset = mytz.utcoffset(self)
            if myoffset is None:
                mytz = self.replace(tzinfo=None)._local_timezone()
                myoffset = mytz.utcoffset(self)
        if tz is mytz:
            return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        """Return ctime() style string."""
        wd = self.toordinal() % 7 or 7
        return '%s %s %2d %02d:%02d:%02d %04d' % (_DAYNAMES[wd - 1], _MONTHNAMES[self._month],
                                                 self._day, self._hour, self._minute,
                                                 self._second, self._year)

    def isoformat(self, sep='T', timespec='auto'):
        """[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM]."""
        s = '%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep) + \
            _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _fmt_offset(off)
        return s

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        name = 'datetime.datetime' if type(self) is datetime else type(self).__name__
        L = [self._year, self._month, self._day, self._hour, self._minute, self._second,
             self._microsecond]
        if L[-1] == 0:
            del L[-1]
        if L[-1] == 0:
            del L[-1]
        s = '%s(%s)' % (name, ', '.join(map(str, L)))
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r)' % self._tzinfo
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def strftime(self, format):
        """format -> strftime() style string."""
        return _strftime(format, self._year, self._month, self._day, self._hour, self._minute,
                         self._second, self._microsecond, self, False)

    def utcoffset(self):
        """Return self.tzinfo.utcoffset(self)."""
        if self._tzinfo is None:
            return None
        return _check_utcoffset(self._tzinfo.utcoffset(self), 'utcoffset')

    def tzname(self):
        """Return self.tzinfo.tzname(self)."""
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        if name is not None and not isinstance(name, str):
            raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                            % type(name).__name__)
        return name

    def dst(self):
        """Return self.tzinfo.dst(self)."""
        if self._tzinfo is None:
            return None
        return _check_utcoffset(self._tzinfo.dst(self), 'dst')

    # Comparisons

    def _us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 +
                 self._second) * 1000000 + self._microsecond)

    def _cmp(self, other, op):
        if not isinstance(other, datetime):
            if isinstance(other, date):
                if op == 'eq':
                    return False
                if op == 'ne':
                    return True
                raise TypeError("can't compare %s to %s" % (
                    'datetime.datetime' if type(self) is datetime else type(self).__name__,
                    'datetime.date' if type(other) is date else type(other).__name__))
            return NotImplemented
        mytz = self._tzinfo
        ottz = other._tzinfo
        a = self._us()
        b = other._us()
        if mytz is ottz:
            return _cmp_op(a, b, op)
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if (myoff is None) != (otoff is None):
            if op == 'eq':
                return False
            if op == 'ne':
                return True
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        if myoff is not None:
            a -= myoff._to_us()
            b -= otoff._to_us()
        return _cmp_op(a, b, op)

    def __eq__(self, other):
        return self._cmp(other, 'eq')

    def __ne__(self, other):
        return self._cmp(other, 'ne')

    def __lt__(self, other):
        return self._cmp(other, 'lt')

    def __le__(self, other):
        return self._cmp(other, 'le')

    def __gt__(self, other):
        return self._cmp(other, 'gt')

    def __ge__(self, other):
        return self._cmp(other, 'ge')

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            us = self._us()
            if off is not None:
                us -= off._to_us()
            self._hashcode = hash(us)
        return self._hashcode

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = self._us() + other._to_us()
        days, rem = divmod(us, 86400000000)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError('date value out of range')
        y, m, d = _ord2ymd(days)
        s, u = divmod(rem, 1000000)
        hh, s = divmod(s, 3600)
        mm, ss = divmod(s, 60)
        return type(self)(y, m, d, hh, mm, ss, u, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self + -other
            return NotImplemented
        a = self._us()
        b = other._us()
        if self._tzinfo is not other._tzinfo:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            if (myoff is None) != (otoff is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if myoff is not None:
                a -= myoff._to_us()
                b -= otoff._to_us()
        return timedelta._from_us(a - b)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day, self._hour, self._minute,
                             self._second, self._microsecond, self._tzinfo))


def _modf(x):
    i = float(int(x))
    return x - i, i


_date_class = date
_time_class = time

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

# CPython writes these classes in C: its messages name them by their C type names.
from _aithon import c_type_name as _c_type_name
_c_type_name(date, "datetime.date")
_c_type_name(datetime, "datetime.datetime")
_c_type_name(time, "datetime.time")
_c_type_name(timedelta, "datetime.timedelta")
_c_type_name(tzinfo, "datetime.tzinfo")
_c_type_name(timezone, "datetime.timezone")
_c_type_name(IsoCalendarDate, "datetime.IsoCalendarDate")
