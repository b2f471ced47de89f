# aithon: native
"""unicodedata: the Unicode Character Database (Unicode 14.0, CPython
3.11's), over the generated tables in _unicodedata_db.py
(tools/gen_unicodedata.py).

Complete for every code point: category, bidirectional, east_asian_width,
mirrored, combining, decimal, digit, numeric, decomposition, normalize and
is_normalized (all four forms, Hangul included), name and lookup (CJK
ideographs and Hangul syllables by their algorithms). lookup() knows no
aliases or named sequences (KeyError), and there is no ucd_3_2_0.

The tables are long strings searched with str.find (and small caches of
what was found), so importing builds nothing and a lookup allocates
little.
"""

import _unicodedata_db as _db
from bisect import bisect_right as _bisect

unidata_version = _db.VERSION
_chr = chr          # the functions' parameter `chr` hides the builtin

__all__ = ['bidirectional', 'category', 'combining', 'decimal', 'decomposition', 'digit',
           'east_asian_width', 'is_normalized', 'lookup', 'mirrored', 'name', 'normalize',
           'numeric', 'unidata_version']


def _char(fn, c, argn=''):
    if not isinstance(c, str) or len(c) != 1:
        raise TypeError('%s() argument%s must be a unicode character, not %s'
                        % (fn, argn, type(c).__name__))
    return ord(c)


# Tables of numbers are strs of code points (tools/gen_unicodedata.py):
# bisect finds chr(cp) among them.

def _run_value(starts, codes, names, cp):
    return names[ord(codes[_bisect(starts, chr(cp)) - 1]) - 48]


def category(chr):
    """The general category of chr ('Lu', 'Nd', …; 'Cn' when unassigned)."""
    return _run_value(_db._CAT_STARTS, _db._CAT_CODES, _db._CAT_NAMES, _char('category', chr))


def bidirectional(chr):
    """The bidirectional class of chr ('' when unassigned)."""
    return _run_value(_db._BIDI_STARTS, _db._BIDI_CODES, _db._BIDI_NAMES, _char('bidirectional', chr))


def east_asian_width(chr):
    """The east asian width of chr ('W', 'F', 'Na', 'H', 'A', 'N')."""
    return _run_value(_db._EAW_STARTS, _db._EAW_CODES, _db._EAW_NAMES, _char('east_asian_width', chr))


def mirrored(chr):
    """1 when chr is mirrored in bidirectional text, else 0."""
    _char('mirrored', chr)
    return (_bisect(_db._MIRRORED_STARTS, chr) - 1) % 2


def _ccc(cp):
    return ord(_db._CCC_VALUES[_bisect(_db._CCC_STARTS, _chr(cp)) - 1])


def combining(chr):
    """The canonical combining class of chr (0 for starters)."""
    return _ccc(_char('combining', chr))


# ---- numeric values ---------------------------------------------------------

_numeric = {}       # cp -> (decimal, digit, value) or None: what NUMERIC said


def _numeric_of(cp):
    if cp in _numeric:
        return _numeric[cp]
    t = _db.NUMERIC
    key = ';%x:' % cp
    i = t.find(key)
    r = None
    if i >= 0:
        dec, dig, num = t[i + len(key):t.find(';', i + 1)].split(':')
        if '/' in num:
            a, b = num.split('/')
            value = int(a) / int(b)
        else:
            value = float(int(num))
        r = (int(dec), int(dig), value)
    if len(_numeric) < 4096:
        _numeric[cp] = r
    return r


_MISSING = object()


def decimal(chr, default=_MISSING):
    """The decimal digit value of chr, else default (ValueError without one)."""
    r = _numeric_of(_char('decimal', chr, ' 1'))
    if r is None or r[0] < 0:
        if default is _MISSING:
            raise ValueError('not a decimal')
        return default
    return r[0]


def digit(chr, default=_MISSING):
    """The digit value of chr, else default (ValueError without one)."""
    r = _numeric_of(_char('digit', chr, ' 1'))
    if r is None or r[1] < 0:
        if default is _MISSING:
            raise ValueError('not a digit')
        return default
    return r[1]


def numeric(chr, default=_MISSING):
    """The numeric value of chr as a float, else default (ValueError without one)."""
    r = _numeric_of(_char('numeric', chr, ' 1'))
    if r is None:
        if default is _MISSING:
            raise ValueError('not a numeric character')
        return default
    return r[2]


# ---- names ------------------------------------------------------------------

_S_BASE, _L_BASE, _V_BASE, _T_BASE = 0xAC00, 0x1100, 0x1161, 0x11A7
_L_COUNT, _V_COUNT, _T_COUNT = 19, 21, 28
_N_COUNT = _V_COUNT * _T_COUNT
_S_COUNT = _L_COUNT * _N_COUNT
_JAMO_L = ('G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T',
           'P', 'H')
_JAMO_V = ('A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO',
           'WE', 'WI', 'YU', 'EU', 'YI', 'I')
_JAMO_T = ('', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH',
           'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H')

_starts = [seg[0] for seg in _db.NAMES]


def _name_of(cp):
    if _S_BASE <= cp < _S_BASE + _S_COUNT:
        s = cp - _S_BASE
        return 'HANGUL SYLLABLE ' + _JAMO_L[s // _N_COUNT] + _JAMO_V[(s % _N_COUNT) // _T_COUNT] + \
            _JAMO_T[s % _T_COUNT]
    for lo, hi, prefix in _db.HEX_NAMED:
        if lo <= cp <= hi:
            return prefix + '%04X' % cp
    i = _bisect(_starts, cp) - 1
    if i >= 0:
        lo, hi, offsets, text = _db.NAMES[i]
        if cp < hi:
            k = cp - lo
            pos = ord(offsets[k // _db.INDEX_STEP])
            for _ in range(k % _db.INDEX_STEP):
                pos = text.find(';', pos + 1)
            return text[pos + 1:text.find(';', pos + 1)] or None
    return None


def name(chr, default=_MISSING):
    """The name of chr, else default (ValueError without one)."""
    n = _name_of(_char('name', chr, ' 1'))
    if n is None:
        if default is _MISSING:
            raise ValueError('no such name')
        return default
    return n


def _hangul_lookup(n):
    rest = n[len('HANGUL SYLLABLE '):]
    for li in range(_L_COUNT):
        l = _JAMO_L[li]
        if not rest.startswith(l):
            continue
        for vi in range(_V_COUNT):
            v = _JAMO_V[vi]
            if not rest.startswith(v, len(l)):
                continue
            t = rest[len(l) + len(v):]
            if t in _JAMO_T:
                return _S_BASE + (li * _V_COUNT + vi) * _T_COUNT + _JAMO_T.index(t)
    return None


def lookup(name):
    """The character whose name is name (case does not matter)."""
    if isinstance(name, (bytes, bytearray)):
        name = name.decode('latin-1')
    elif not isinstance(name, str):
        raise TypeError("a bytes-like object is required, not '%s'" % type(name).__name__)
    n = name.upper()
    cp = None
    if n.startswith('HANGUL SYLLABLE '):
        cp = _hangul_lookup(n)
    else:
        for lo, hi, prefix in _db.HEX_NAMED:
            if n.startswith(prefix):
                h = n[len(prefix):]
                if 4 <= len(h) <= 5 and all(c in '0123456789ABCDEF' for c in h) and lo <= int(h, 16) <= hi:
                    cp = int(h, 16)
                    break
        if cp is None and n and ';' not in n:
            key = ';' + n + ';'
            for lo, hi, offsets, text in _db.NAMES:
                i = text.find(key)
                if i >= 0:
                    cp = lo + text.count(';', 0, i)
                    break
    if cp is None:
        raise KeyError("undefined character name '%s'" % name)
    return chr(cp)


# ---- decomposition and normal forms -----------------------------------------

_decomp = {}        # cp -> (is_compat, (cps…), the mapping text) or None
_compose = {}       # (first, second) -> composite or None


def _decomp_of(cp):
    if cp in _decomp:
        return _decomp[cp]
    t = _db.DECOMP
    key = ';%x=' % cp
    i = t.find(key)
    r = None
    if i >= 0:
        text = t[i + len(key):t.find(';', i + 1)]
        parts = text.split(' ')
        compat = parts[0].startswith('<')
        r = (compat, tuple([int(p, 16) for p in (parts[1:] if compat else parts)]), text)
    if len(_decomp) < 4096:
        _decomp[cp] = r
    return r


def _composite(a, b):
    k = (a, b)
    if k in _compose:
        return _compose[k]
    t = _db.COMPOSE
    key = ';%x,%x=' % (a, b)
    i = t.find(key)
    r = int(t[i + len(key):t.find(';', i + 1)], 16) if i >= 0 else None
    if len(_compose) < 4096:
        _compose[k] = r
    return r


def decomposition(chr):
    """The decomposition mapping of chr as text ('0041 0300', '<compat> 0020'), or ''."""
    r = _decomp_of(_char('decomposition', chr))
    return r[2] if r is not None else ''


def _decompose(s, compat):
    out = []
    for c in s:
        cp = ord(c)
        if _S_BASE <= cp < _S_BASE + _S_COUNT:
            si = cp - _S_BASE
            out.append(_L_BASE + si // _N_COUNT)
            out.append(_V_BASE + (si % _N_COUNT) // _T_COUNT)
            if si % _T_COUNT:
                out.append(_T_BASE + si % _T_COUNT)
            continue
        stack = [cp]
        while stack:
            x = stack.pop()
            r = _decomp_of(x) if x >= 0xa0 else None
            if r is None or (r[0] and not compat):
                out.append(x)
            else:
                stack.extend(reversed(r[1]))
    # Canonical ordering: a stable sort of each run of non-starters by class.
    i, n = 0, len(out)
    while i < n:
        if _ccc(out[i]) == 0:
            i += 1
            continue
        j = i
        while j < n and _ccc(out[j]) != 0:
            j += 1
        if j - i > 1:
            out[i:j] = sorted(out[i:j], key=_ccc)
        i = j
    return out


def _compose_cps(cps):
    out = []
    starter = -1
    last_cc = 0
    for cp in cps:
        cc = _ccc(cp)
        if starter >= 0 and (len(out) - 1 == starter or (last_cc != 0 and last_cc < cc)):
            s = out[starter]
            comp = None
            if _L_BASE <= s < _L_BASE + _L_COUNT and _V_BASE <= cp < _V_BASE + _V_COUNT:
                if len(out) - 1 == starter:
                    comp = _S_BASE + ((s - _L_BASE) * _V_COUNT + cp - _V_BASE) * _T_COUNT
            elif (_S_BASE <= s < _S_BASE + _S_COUNT and (s - _S_BASE) % _T_COUNT == 0 and
                  _T_BASE < cp < _T_BASE + _T_COUNT):
                if len(out) - 1 == starter:
                    comp = s + cp - _T_BASE
            else:
                comp = _composite(s, cp)
            if comp is not None:
                out[starter] = comp
                continue
        if cc == 0:
            starter = len(out)
            last_cc = 0
        else:
            last_cc = cc
        out.append(cp)
    return out


def normalize(form, unistr):
    """unistr in normal form 'NFC', 'NFD', 'NFKC' or 'NFKD'."""
    if not isinstance(form, str):
        raise TypeError('normalize() argument 1 must be str, not %s' % type(form).__name__)
    if not isinstance(unistr, str):
        raise TypeError('normalize() argument 2 must be str, not %s' % type(unistr).__name__)
    if form not in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        raise ValueError('invalid normalization form')
    if unistr.isascii():
        return unistr
    cps = _decompose(unistr, form in ('NFKC', 'NFKD'))
    if form in ('NFC', 'NFKC'):
        cps = _compose_cps(cps)
    return ''.join([chr(c) for c in cps])


def is_normalized(form, unistr):
    """Whether unistr is already in normal form `form`."""
    if not isinstance(form, str):
        raise TypeError('is_normalized() argument 1 must be str, not %s' % type(form).__name__)
    if not isinstance(unistr, str):
        raise TypeError('is_normalized() argument 2 must be str, not %s' % type(unistr).__name__)
    return normalize(form, unistr) == unistr
