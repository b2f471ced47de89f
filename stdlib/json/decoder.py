# aithon: native
"""The JSON decoder: JSONDecoder, JSONDecodeError and the scanner, a
recursive-descent parser over the text with CPython's errors."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

import re
import sys
import _re
import _json

# The engine's programs for the hot loops (run through _re.exec directly:
# no Match objects are made).
_CHUNK = re.compile(r'[^"\\\x00-\x1f]*')._prog
_CHUNK_LAX = re.compile(r'[^"\\]*')._prog
_WS_RUN = re.compile(r'[ \t\n\r]*')._prog
_NUMBER = re.compile(r'(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?')._prog
_exec = _re.exec

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """ValueError for a JSON document that cannot be parsed: msg, doc,
    pos, lineno and colno say what and where."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}
_CONSTANT = _CONSTANTS.__getitem__
_WS = ' \t\n\r'
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'


def _skip_ws(s, i):
    if i < len(s) and s[i] in _WS:
        return _exec(_WS_RUN, s, i, len(s), 0)[1]
    return i


def _hex4(s, i):
    """The value of the 4 hex digits at s[i:i+4], or -1."""
    h = s[i:i + 4]
    if len(h) != 4:
        return -1
    for c in h:
        if c not in _HEX:
            return -1
    return int(h, 16)


def scanstring(s, end, strict=True):
    """(the decoded string, index after its closing quote) for the string
    whose opening quote is at end - 1."""
    begin = end - 1
    chunks = []
    n = len(s)
    i = end
    while True:
        # The longest run of ordinary characters.
        j = _exec(_CHUNK if strict else _CHUNK_LAX, s, i, n, 0)[1]
        if j > i:
            chunks.append(s[i:j])
        if j >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        c = s[j]
        if c == '"':
            return ''.join(chunks), j + 1
        if c != '\\':
            raise JSONDecodeError("Invalid control character at", s, j)
        if j + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        e = s[j + 1]
        if e != 'u':
            v = _ESCAPES.get(e)
            if v is None:
                raise JSONDecodeError("Invalid \\escape", s, j)
            chunks.append(v)
            i = j + 2
            continue
        cp = _hex4(s, j + 2)
        if cp < 0:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, j + 1)
        i = j + 6
        if 0xd800 <= cp <= 0xdbff and s[i:i + 2] == '\\u':
            lo = _hex4(s, i + 2)
            if lo < 0:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, i + 1)
            if 0xdc00 <= lo <= 0xdfff:
                cp = 0x10000 + (((cp - 0xd800) << 10) | (lo - 0xdc00))
                i += 6
        chunks.append(chr(cp))


def _number(s, i):
    """(end of the JSON number at i, is_float, has_digits)."""
    m = _exec(_NUMBER, s, i, len(s), 0)
    if m is None:
        return i, False, False
    return m[1], m[4] >= 0 or m[6] >= 0, True


class _Scanner:
    def __init__(self, ctx):
        self.strict = ctx.strict
        self.object_hook = ctx.object_hook
        self.object_pairs_hook = ctx.object_pairs_hook
        self.parse_float = ctx.parse_float
        self.parse_int = ctx.parse_int
        self.parse_constant = ctx.parse_constant
        self.memo = {}
        # Nesting counts toward the recursion limit as in CPython's C
        # scanner (with the frames of a json.loads called from module
        # level): without it a deep document was decoded where CPython
        # raises RecursionError.
        self.depth = 0
        self.limit = sys.getrecursionlimit() - 5

    def value(self, s, i):
        """(value, end) of the JSON value at i (no leading whitespace)."""
        if i >= len(s):
            raise StopIteration(i)
        c = s[i]
        if c == '"':
            return scanstring(s, i + 1, self.strict)
        if c == '{':
            self.depth += 1
            if self.depth > self.limit:
                raise RecursionError('maximum recursion depth exceeded while decoding a JSON object '
                                     'from a unicode string')
            r = self.object(s, i + 1)
            self.depth -= 1
            return r
        if c == '[':
            self.depth += 1
            if self.depth > self.limit:
                raise RecursionError('maximum recursion depth exceeded while decoding a JSON array '
                                     'from a unicode string')
            r = self.array(s, i + 1)
            self.depth -= 1
            return r
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        end, is_float, ok = _number(s, i)
        if ok:
            text = s[i:end]
            if is_float:
                return self.parse_float(text), end
            return self.parse_int(text), end
        if c == 'N' and s.startswith('NaN', i):
            return self.parse_constant('NaN'), i + 3
        if c == 'I' and s.startswith('Infinity', i):
            return self.parse_constant('Infinity'), i + 8
        if c == '-' and s.startswith('-Infinity', i):
            return self.parse_constant('-Infinity'), i + 9
        raise StopIteration(i)

    def value_or_error(self, s, i):
        try:
            return self.value(s, i)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None

    def object(self, s, i):
        pairs = []
        i = _skip_ws(s, i)
        c = s[i:i + 1]
        if c != '"':
            if c == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), i + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, i + 1
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
        memo = self.memo
        while True:
            key, i = scanstring(s, i + 1, self.strict)
            key = memo.setdefault(key, key)
            i = _skip_ws(s, i)
            if s[i:i + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = _skip_ws(s, i + 1)
            value, i = self.value_or_error(s, i)
            pairs.append((key, value))
            i = _skip_ws(s, i)
            c = s[i:i + 1]
            if c == '}':
                i += 1
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip_ws(s, i + 1)
            if s[i:i + 1] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, i

    def array(self, s, i):
        values = []
        i = _skip_ws(s, i)
        if s[i:i + 1] == ']':
            return values, i + 1
        while True:
            value, i = self.value_or_error(s, i)
            values.append(value)
            i = _skip_ws(s, i)
            c = s[i:i + 1]
            if c == ']':
                return values, i + 1
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip_ws(s, i + 1)


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder: JSON objects become dicts,
    arrays lists, strings str, numbers int or float, true/false/null
    True/False/None (and NaN, Infinity, -Infinity floats)."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANT
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def _plain(self):
        # No hook and strict strings: the C scanner's case
        return (self.object_hook is None and self.object_pairs_hook is None and
                self.parse_float is float and self.parse_int is int and
                self.parse_constant is _CONSTANT and self.strict is True)

    def decode(self, s):
        """The Python value of the JSON document s (whitespace around it
        allowed, nothing else)."""
        if self._plain():
            # runtime/modules/modjson.c: None when the document is not
            # plain or not valid, which the Python scanner then reports
            r = _json.scan(s, _skip_ws(s, 0))
            if r is not None and _skip_ws(s, r[1]) == len(s):
                return r[0]
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """(value, end) of the JSON document starting at s[idx] (text may
        follow it)."""
        try:
            obj, end = _Scanner(self).value(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
