"""Data pretty printer: pprint, pformat, pp, saferepr, isreadable,
isrecursive and PrettyPrinter, with CPython's layout (an object whose
repr fits on the line is printed as such, else containers are broken one
item per line, long strings into adjacent literals)."""

import sys as _sys
import re as _re
from collections import OrderedDict as _OrderedDict, defaultdict as _defaultdict, \
    Counter as _Counter, deque as _deque

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter",
           "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False,
           sort_dicts=True, underscore_numbers=False):
    """Pretty-print a Python object to a stream [default is sys.stdout]."""
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    """Format a Python object into a pretty-printed representation."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """Pretty-print a Python object"""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """Version of repr() which can handle recursive data structures."""
    return PrettyPrinter()._repr_info(object, {}, None, 0)[0]


def isreadable(object):
    """Determine if saferepr(object) is readable by eval()."""
    return PrettyPrinter()._repr_info(object, {}, None, 0)[1]


def isrecursive(object):
    """Determine if object requires a recursive representation."""
    return PrettyPrinter()._repr_info(object, {}, None, 0)[2]


class _SortKey:
    # Orders values of mixed types: by value when they compare, else by
    # type name and id.
    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) <
                    (str(type(other.obj)), id(other.obj)))


def _pair_key(pair):
    return (_SortKey(pair[0]), _SortKey(pair[1]))


_SCALARS = (str, bytes, bytearray, float, bool, type(None))


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False,
                 sort_dicts=True, underscore_numbers=False):
        """Handle pretty printing operations onto a stream using a set of
        configured parameters."""
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        stream = self._stream if self._stream is not None else _sys.stdout
        if stream is not None:
            stream.write(self.pformat(object))
            stream.write("\n")

    def pformat(self, object):
        out = []
        self._fmt(object, out, 0, 0, {}, 0)
        return ''.join(out)

    def isrecursive(self, object):
        return self._repr_info(object, {}, self._depth, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self._repr_info(object, {}, self._depth, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """Format object for a specific context, returning a string and
        flags indicating whether the representation is 'readable' and
        whether the object represents a recursive construct."""
        return self._repr_info(object, context, maxlevels, level)

    # ---- the layout ----------------------------------------------------------

    def _repr(self, object, context, level):
        text, readable, recursive = self.format(object, dict(context), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return text

    def _fmt(self, obj, out, indent, allowance, context, level):
        oid = id(obj)
        if oid in context:
            out.append('<Recursion on %s with id=%s>' % (type(obj).__name__, oid))
            return
        rep = self._repr(obj, context, level)
        if len(rep) > self._width - indent - allowance:
            handler = self._handler(obj)
            if handler is not None:
                context[oid] = 1
                handler(self, obj, out, indent, allowance, context, level + 1)
                del context[oid]
                return
        out.append(rep)

    def _handler(self, obj):
        t = type(obj)
        r = t.__repr__
        if r is dict.__repr__:
            return PrettyPrinter._dict
        if r is list.__repr__:
            return PrettyPrinter._list
        if r is tuple.__repr__:
            return PrettyPrinter._tuple
        if r is set.__repr__ or r is frozenset.__repr__:
            return PrettyPrinter._set
        if r is str.__repr__:
            return PrettyPrinter._str
        if r is bytes.__repr__:
            return PrettyPrinter._bytes
        if issubclass(t, _OrderedDict) and r is _OrderedDict.__repr__:
            return PrettyPrinter._ordered_dict
        if issubclass(t, _Counter) and r is _Counter.__repr__:
            return PrettyPrinter._counter
        if issubclass(t, _defaultdict) and r is _defaultdict.__repr__:
            return PrettyPrinter._default_dict
        if issubclass(t, _deque) and r is _deque.__repr__:
            return PrettyPrinter._deque
        if getattr(r, '_dataclass_repr', False) and hasattr(t, '__dataclass_fields__'):
            return PrettyPrinter._dataclass
        return None

    def _items(self, items, out, indent, allowance, context, level):
        # The items of a sequence, one per line (or packed with compact).
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            out.append(' ' * (self._indent_per_level - 1))
        items = list(items)
        n = len(items)
        sep_nl = ',\n' + ' ' * indent
        room = limit = self._width - indent + 1
        sep = ''
        for i, item in enumerate(items):
            last = i == n - 1
            if last:
                limit -= allowance
                room -= allowance
            if self._compact:
                rep = self._repr(item, context, level)
                need = len(rep) + 2
                if room < need:
                    room = limit
                    if sep:
                        sep = sep_nl
                if room >= need:
                    room -= need
                    out.append(sep)
                    sep = ', '
                    out.append(rep)
                    continue
            out.append(sep)
            sep = sep_nl
            self._fmt(item, out, indent, allowance if last else 1, context, level)

    def _pairs(self, pairs, out, indent, allowance, context, level):
        indent += self._indent_per_level
        sep_nl = ',\n' + ' ' * indent
        n = len(pairs)
        for i, (k, v) in enumerate(pairs):
            last = i == n - 1
            krep = self._repr(k, context, level)
            out.append(krep)
            out.append(': ')
            self._fmt(v, out, indent + len(krep) + 2, allowance if last else 1, context, level)
            if not last:
                out.append(sep_nl)

    def _sorted_items(self, mapping):
        if self._sort_dicts:
            return sorted(mapping.items(), key=_pair_key)
        return list(mapping.items())

    def _dict(self, obj, out, indent, allowance, context, level):
        out.append('{')
        if self._indent_per_level > 1:
            out.append(' ' * (self._indent_per_level - 1))
        if obj:
            self._pairs(self._sorted_items(obj), out, indent, allowance + 1, context, level)
        out.append('}')

    def _ordered_dict(self, obj, out, indent, allowance, context, level):
        if not obj:
            out.append(repr(obj))
            return
        name = type(obj).__name__
        out.append(name + '(')
        self._fmt(list(obj.items()), out, indent + len(name) + 1, allowance + 1, context,
                  level)
        out.append(')')

    def _counter(self, obj, out, indent, allowance, context, level):
        if not obj:
            out.append(repr(obj))
            return
        name = type(obj).__name__
        out.append(name + '({')
        if self._indent_per_level > 1:
            out.append(' ' * (self._indent_per_level - 1))
        self._pairs(obj.most_common(), out, indent + len(name) + 1, allowance + 2, context,
                    level)
        out.append('})')

    def _default_dict(self, obj, out, indent, allowance, context, level):
        if not obj:
            out.append(repr(obj))
            return
        rdf = self._repr(obj.default_factory, context, level)
        name = type(obj).__name__
        indent += len(name) + 1
        out.append('%s(%s,\n%s' % (name, rdf, ' ' * indent))
        self._dict(obj, out, indent, allowance + 1, context, level)
        out.append(')')

    def _deque(self, obj, out, indent, allowance, context, level):
        name = type(obj).__name__
        indent += len(name) + 1
        out.append(name + '(')
        if obj.maxlen is None:
            out.append('[')
            self._items(obj, out, indent, allowance + 2, context, level)
            out.append('])')
        else:
            out.append('[')
            self._items(obj, out, indent, 2, context, level)
            rml = self._repr(obj.maxlen, context, level)
            out.append('],\n%smaxlen=%s)' % (' ' * indent, rml))

    def _dataclass(self, obj, out, indent, allowance, context, level):
        name = type(obj).__name__
        indent += len(name) + 1
        fields = [(f.name, getattr(obj, f.name)) for f in obj.__dataclass_fields__.values()
                  if f.repr and _is_plain_field(f)]
        out.append(name + '(')
        sep_nl = ',\n' + ' ' * indent
        n = len(fields)
        for i, (k, v) in enumerate(fields):
            last = i == n - 1
            out.append(k)
            out.append('=')
            self._fmt(v, out, indent + len(k) + 1, allowance if last else 1, context, level)
            if not last:
                out.append(sep_nl)
        out.append(')')

    def _list(self, obj, out, indent, allowance, context, level):
        out.append('[')
        self._items(obj, out, indent, allowance + 1, context, level)
        out.append(']')

    def _tuple(self, obj, out, indent, allowance, context, level):
        out.append('(')
        end = ',)' if len(obj) == 1 else ')'
        self._items(obj, out, indent, allowance + len(end), context, level)
        out.append(end)

    def _set(self, obj, out, indent, allowance, context, level):
        if not obj:
            out.append(repr(obj))
            return
        if type(obj) is set:
            out.append('{')
            end = '}'
        else:
            name = type(obj).__name__
            out.append(name + '({')
            end = '})'
            indent += len(name) + 1
        items = sorted(obj, key=_SortKey)
        self._items(items, out, indent, allowance + len(end), context, level)
        out.append(end)

    def _str(self, obj, out, indent, allowance, context, level):
        if not obj:
            out.append(repr(obj))
            return
        if level == 1:
            indent += 1
            allowance += 1
        width = self._width - indent
        lines = obj.splitlines(True)
        pieces = []
        for li, line in enumerate(lines):
            last_line = li == len(lines) - 1
            line_room = width - allowance if last_line else width
            rep = repr(line)
            if len(rep) <= line_room:
                pieces.append(rep)
                continue
            # Break the line after runs of whitespace.
            words = _re.findall(r'\S*\s*', line)[:-1]
            cur = ''
            for wi, word in enumerate(words):
                room = width
                if last_line and wi == len(words) - 1:
                    room -= allowance
                if len(repr(cur + word)) > room:
                    if cur:
                        pieces.append(repr(cur))
                    cur = word
                else:
                    cur += word
            if cur:
                pieces.append(repr(cur))
        if len(pieces) == 1:
            out.append(repr(obj))
            return
        if level == 1:
            out.append('(')
        out.append(('\n' + ' ' * indent).join(pieces))
        if level == 1:
            out.append(')')

    def _bytes(self, obj, out, indent, allowance, context, level):
        if len(obj) <= 4:
            out.append(repr(obj))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            out.append('(')
        sep = ''
        width = self._width - indent
        n = len(obj)
        # Greedy over 4-byte groups; the allowance counts against the
        # partial group at the end (there is none when n % 4 == 0).
        chunks = []
        cur = b''
        tail = n // 4 * 4
        for i in range(0, n, 4):
            group = obj[i:i + 4]
            if i == tail:
                width -= allowance
            if len(repr(cur + group)) > width:
                if cur:
                    chunks.append(repr(cur))
                cur = group
            else:
                cur = cur + group
        if cur:
            chunks.append(repr(cur))
        for c in chunks:
            out.append(sep)
            out.append(c)
            sep = '\n' + ' ' * indent
        if parens:
            out.append(')')

    # ---- safe repr -------------------------------------------------------------

    def _repr_info(self, obj, context, maxlevels, level):
        # (text, readable, recursive): repr with dict keys sorted, depth
        # limits as '...', recursion shown as <Recursion on ...>. Items go
        # through self.format, as in CPython, so subclasses can override it.
        t = type(obj)
        if t in _SCALARS:
            return repr(obj), True, False
        if t is int or (issubclass(t, int) and t.__repr__ is int.__repr__):
            if self._underscore_numbers and t is int:
                return '{:_d}'.format(obj), True, False
            return repr(obj), True, False
        r = t.__repr__
        if issubclass(t, dict) and r is dict.__repr__:
            if not obj:
                return '{}', True, False
            oid = id(obj)
            if maxlevels and level >= maxlevels:
                return '{...}', False, oid in context
            if oid in context:
                return _recursion(obj), False, True
            context[oid] = 1
            readable = True
            recursive = False
            parts = []
            for k, v in self._sorted_items(obj):
                ks, kr, krec = self.format(k, context, maxlevels, level + 1)
                vs, vr, vrec = self.format(v, context, maxlevels, level + 1)
                parts.append('%s: %s' % (ks, vs))
                readable = readable and kr and vr
                recursive = recursive or krec or vrec
            del context[oid]
            return '{%s}' % ', '.join(parts), readable, recursive
        if (issubclass(t, list) and r is list.__repr__) or \
                (issubclass(t, tuple) and r is tuple.__repr__):
            if issubclass(t, list):
                if not obj:
                    return '[]', True, False
                fmt = '[%s]'
            elif len(obj) == 1:
                fmt = '(%s,)'
            else:
                if not obj:
                    return '()', True, False
                fmt = '(%s)'
            oid = id(obj)
            if maxlevels and level >= maxlevels:
                return fmt % '...', False, oid in context
            if oid in context:
                return _recursion(obj), False, True
            context[oid] = 1
            readable = True
            recursive = False
            parts = []
            for o in obj:
                s, rd, rc = self.format(o, context, maxlevels, level + 1)
                parts.append(s)
                readable = readable and rd
                recursive = recursive or rc
            del context[oid]
            return fmt % ', '.join(parts), readable, recursive
        text = repr(obj)
        return text, bool(text) and not text.startswith('<'), False

    # CPython's name for the same method (private, but programs and
    # benchmarks call it, and subclasses of PrettyPrinter know it).
    _safe_repr = _repr_info


def _recursion(obj):
    return '<Recursion on %s with id=%s>' % (type(obj).__name__, id(obj))


def _is_plain_field(f):
    return getattr(f._field_type, 'name', None) == '_FIELD'
