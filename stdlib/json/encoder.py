# aithon: native
"""The JSON encoder: JSONEncoder and the string escaping helpers."""

__all__ = ['JSONEncoder']

import sys
import _json

INFINITY = float('inf')

_ESCAPE_TABLE = {i: '\\u%04x' % i for i in range(32)}
_ESCAPE_TABLE.update({ord('"'): '\\"', ord('\\'): '\\\\', ord('\n'): '\\n', ord('\r'): '\\r',
                      ord('\t'): '\\t', ord('\b'): '\\b', ord('\f'): '\\f'})
# ensure_ascii escapes DEL too (CPython's ASCII escaping keeps ' ' to '~' only).
_ESCAPE_ASCII_TABLE = dict(_ESCAPE_TABLE)
_ESCAPE_ASCII_TABLE[127] = '\\u007f'


def py_encode_basestring(s):
    """The JSON text of a str (only ", \\ and control characters escaped)."""
    return '"' + s.translate(_ESCAPE_TABLE) + '"'


encode_basestring = py_encode_basestring


def py_encode_basestring_ascii(s):
    """The JSON text of a str with every non-ASCII character escaped."""
    if s.isascii():
        return '"' + s.translate(_ESCAPE_ASCII_TABLE) + '"'
    out = []
    for c in s:
        n = ord(c)
        if n < 128:
            out.append(_ESCAPE_ASCII_TABLE.get(n, c))
        elif n < 0x10000:
            out.append('\\u%04x' % n)
        else:
            n -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
    return '"' + ''.join(out) + '"'


encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data
    structures: dict, list, tuple, str, int, float, True, False, None
    (subclasses too); other objects go through default()."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Override to return a serializable object for o (or raise
        TypeError, as this one does)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """The JSON text of o."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        if type(self).iterencode is JSONEncoder.iterencode:
            # Plain data in C (runtime/modules/modjson.c); None for
            # anything else, which the Python encoder below handles
            indent = self.indent
            if indent is not None and not isinstance(indent, str):
                indent = ' ' * indent
            text = _json.encode(o, self.sort_keys, self.item_separator, self.key_separator,
                                self.ensure_ascii, indent)
            if text is not None:
                return text
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o, in pieces."""
        markers = {} if self.check_circular else None
        encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        # CPython encodes with its C encoder when _one_shot and no indent,
        # else in Python (generators): the nesting each allows, and its
        # RecursionError, differ (see _Encoder.enter)
        mode = (0 if self.indent is None else 1) if _one_shot else 2
        return _Encoder(markers, self.default, encoder, indent, self.key_separator,
                        self.item_separator, self.sort_keys, self.skipkeys,
                        self.allow_nan, mode).chunks(o)


def _floatstr(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == INFINITY:
        text = 'Infinity'
    elif o == -INFINITY:
        text = '-Infinity'
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class _Pieces:
    """The output as a short list of pieces, joined 512 at a time into a
    list of chunks: appending to one huge list is slow when the collector
    rescans it after every minor collection."""

    def __init__(self):
        self.buf = []
        self.chunks = []

    def append(self, s):
        buf = self.buf
        buf.append(s)
        if len(buf) >= 512:
            self.chunks.append(''.join(buf))
            buf.clear()

    def finish(self):
        if self.buf:
            self.chunks.append(''.join(self.buf))
        return self.chunks


class _Encoder:
    def __init__(self, markers, default, encoder, indent, key_sep, item_sep, sort_keys,
                 skipkeys, allow_nan, mode):
        self.markers = markers
        self.default = default
        self.encoder = encoder
        self.indent = indent
        self.key_sep = key_sep
        self.item_sep = item_sep
        self.sort_keys = sort_keys
        self.skipkeys = skipkeys
        self.allow_nan = allow_nan
        # Nesting counts toward the recursion limit as in CPython, with the
        # frames of a call from module level: its C encoder (json.dumps
        # without indent, mode 0) enters a recursive call per container,
        # its Python one nests a generator per container below
        # json.dumps' frames (mode 1) or json.dump's (mode 2). Without it
        # a deep structure was encoded where CPython raises RecursionError.
        self.depth = 0
        self.limit = sys.getrecursionlimit() - (5, 4, 3)[mode]
        self.too_deep = ('maximum recursion depth exceeded while encoding a JSON object' if mode == 0 else
                         'maximum recursion depth exceeded while calling a Python object')

    def chunks(self, o):
        out = _Pieces()
        self.encode(o, 0, out)
        return out.finish()

    def mark(self, o):
        if self.markers is not None:
            key = id(o)
            if key in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[key] = o

    def unmark(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def encode(self, o, level, out):
        if isinstance(o, str):
            out.append(self.encoder(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_floatstr(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self.enter()
            self.encode_list(o, level, out)
            self.depth -= 1
        elif isinstance(o, dict):
            self.enter()
            self.encode_dict(o, level, out)
            self.depth -= 1
        else:
            self.mark(o)
            self.enter()
            self.encode(self.default(o), level, out)
            self.depth -= 1
            self.unmark(o)

    def enter(self):
        self.depth += 1
        if self.depth > self.limit:
            raise RecursionError(self.too_deep)

    def encode_list(self, lst, level, out):
        if not lst:
            out.append('[]')
            return
        self.mark(lst)
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_sep + newline
            out.append('[' + newline)
        else:
            sep = self.item_sep
            out.append('[')
        first = True
        for value in lst:
            if not first:
                out.append(sep)
            first = False
            self.encode(value, level, out)
        if indent is not None:
            out.append('\n' + indent * (level - 1))
        out.append(']')
        self.unmark(lst)

    def encode_dict(self, dct, level, out):
        if not dct:
            out.append('{}')
            return
        self.mark(dct)
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_sep + newline
            out.append('{' + newline)
        else:
            sep = self.item_sep
            out.append('{')
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key, self.allow_nan)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if not first:
                out.append(sep)
            first = False
            out.append(self.encoder(key))
            out.append(self.key_sep)
            self.encode(value, level, out)
        if indent is not None:
            out.append('\n' + indent * (level - 1))
        out.append('}')
        self.unmark(dct)
