# aithon: native
"""Regular expressions with CPython's syntax and results: compile(),
match(), search(), fullmatch(), findall(), finditer(), sub(), subn(),
split(), escape(), Pattern and Match objects, and the flags.

Patterns are parsed (re._parser) and compiled (re._compiler) here and
run by the engine in runtime/modules/modre.c: backtracking, switching
to a linear-time automaton for patterns that allow it when backtracking
would take too long."""

import enum
import _re
from re import _parser, _compiler
from re._parser import error

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


class RegexFlag(enum.IntFlag, boundary=enum.KEEP):
    NOFLAG = 0
    ASCII = A = _parser.FLAG_ASCII
    IGNORECASE = I = _parser.FLAG_IGNORECASE
    LOCALE = L = _parser.FLAG_LOCALE
    UNICODE = U = _parser.FLAG_UNICODE
    MULTILINE = M = _parser.FLAG_MULTILINE
    DOTALL = S = _parser.FLAG_DOTALL
    VERBOSE = X = _parser.FLAG_VERBOSE
    TEMPLATE = T = _parser.FLAG_TEMPLATE
    DEBUG = _parser.FLAG_DEBUG

    def __repr__(self):
        if self._name_ is None:
            return 're.%s(%r)' % (type(self).__name__, self._value_)
        parts = []
        for name in self._name_.split('|'):
            parts.append(name if name[:1].isdigit() or name.startswith('0x') else 're.' + name)
        return '|'.join(parts)

    __str__ = __repr__


RegexFlag.__module__ = 're'

NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
T = TEMPLATE = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG

_MAXSIZE = 9223372036854775807


def _check_subject(pattern, string):
    if isinstance(pattern.pattern, str):
        if not isinstance(string, str):
            if isinstance(string, (bytes, bytearray)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError("expected string or bytes-like object, got %r" % type(string).__name__)
    else:
        if isinstance(string, str):
            raise TypeError("cannot use a bytes pattern on a string-like object")
        if not isinstance(string, (bytes, bytearray)):
            raise TypeError("expected string or bytes-like object, got %r" % type(string).__name__)


class Match:
    """The result of a successful match: the groups' spans and texts."""

    __slots__ = ('string', 're', 'pos', 'endpos', '_marks', 'lastindex')

    def __init__(self, pattern, string, pos, endpos, marks):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._marks = marks
        last = marks[-1]
        self.lastindex = None if last < 0 else last

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, index in self.re._groupindex.items():
            if index == self.lastindex:
                return name
        return None

    @property
    def regs(self):
        m = self._marks
        return tuple((m[2 * i], m[2 * i + 1]) for i in range(self.re.groups + 1))

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool):
            if 0 <= group <= self.re.groups:
                return group
            raise IndexError("no such group")
        if isinstance(group, str):
            try:
                return self.re._groupindex[group]
            except KeyError:
                raise IndexError("no such group") from None
        try:
            g = group.__index__()
        except AttributeError:
            raise IndexError("no such group") from None
        if 0 <= g <= self.re.groups:
            return g
        raise IndexError("no such group")

    def _get(self, index, default=None):
        s, e = self._marks[2 * index], self._marks[2 * index + 1]
        if s < 0 or e < 0:
            return default
        return self.string[s:e]

    def group(self, *groups):
        """group([group1, ...]) -> str or tuple.
        The text of the given groups (the whole match when none is given);
        None for a group that did not take part."""
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        """The texts of all the groups (default for those that did not
        take part)."""
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        """The named groups' texts, by name."""
        return {name: self._get(index, default) for name, index in self.re._groupindex.items()}

    def start(self, group=0):
        """The start of the group's text (-1 when it did not take part)."""
        return self._marks[2 * self._index(group)]

    def end(self, group=0):
        """The end of the group's text (-1 when it did not take part)."""
        return self._marks[2 * self._index(group) + 1]

    def span(self, group=0):
        """(start, end) of the group's text ((-1, -1) when it did not take part)."""
        i = self._index(group)
        return self._marks[2 * i], self._marks[2 * i + 1]

    def expand(self, template):
        """The template with backslash escapes and group references
        replaced, as sub() does."""
        return _expand_template(self.re, _parse_template(self.re, template), self)

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (self._marks[0], self._marks[1], self.group(0))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)


Match.__module__ = 're'


class Pattern:
    """A compiled regular expression."""

    __slots__ = ('pattern', 'flags', 'groups', '_groupindex', '_prog')

    def __init__(self, pattern, flags, groups, groupindex, prog):
        self.pattern = pattern
        self.flags = flags
        self.groups = groups
        self._groupindex = groupindex
        self._prog = prog

    @property
    def groupindex(self):
        from types import MappingProxyType
        return MappingProxyType(self._groupindex)

    def _exec(self, string, pos, endpos, mode):
        _check_subject(self, string)
        n = len(string)
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos > n:
            endpos = n
        elif endpos < 0:
            endpos = 0
        marks = _re.exec(self._prog, string, pos, endpos, mode)
        if marks is None:
            return None
        return Match(self, string, pos, endpos, marks)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """A Match when the pattern matches at pos, else None."""
        return self._exec(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """A Match when the pattern matches all of string[pos:endpos], else None."""
        return self._exec(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """The Match of the first place (from pos) where the pattern
        matches, or None."""
        return self._exec(string, pos, endpos, 1)

    def _iter(self, string, pos=0, endpos=_MAXSIZE):
        """The successive non-overlapping matches, as finditer makes them."""
        _check_subject(self, string)
        n = len(string)
        if endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        must_advance = 0
        prog = self._prog
        while pos <= endpos:
            marks = _re.exec(prog, string, pos, endpos, 1 | must_advance)
            if marks is None:
                return
            yield Match(self, string, pos, endpos, marks)
            start, end = marks[0], marks[1]
            must_advance = 4 if start == end else 0
            pos = end

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """An iterator of Match objects, one per non-overlapping match."""
        return self._iter(string, pos, endpos)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """The texts of the non-overlapping matches (the group's, or a tuple
        of the groups', when the pattern has groups)."""
        out = []
        g = self.groups
        for m in self._iter(string, pos, endpos):
            if g == 0:
                out.append(m.group(0))
            elif g == 1:
                out.append(m._get(1, string[:0]))
            else:
                out.append(m.groups(string[:0]))
        return out

    def split(self, string, maxsplit=0):
        """The pieces of string between the matches (with the groups' texts,
        when the pattern has groups)."""
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if maxsplit and n >= maxsplit:
                break
            s, e = m.span()
            out.append(string[last:s])
            if self.groups:
                out.extend(m.groups())
            last = e
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        """(sub()'s result, the number of replacements)."""
        if callable(repl):
            func = repl
            template = None
        else:
            _check_subject(self, repl)
            template = _parse_template(self, repl)
            func = None
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if count and n >= count:
                break
            s, e = m.span()
            out.append(string[last:s])
            if func is not None:
                out.append(func(m))
            else:
                out.append(_expand_template(self, template, m))
            last = e
            n += 1
        out.append(string[last:])
        joiner = string[:0]
        if isinstance(string, bytearray):
            joiner = b''
        result = joiner.join(out)
        if isinstance(string, bytearray):
            result = bytes(result)
        return result, n

    def sub(self, repl, string, count=0):
        """string with each non-overlapping match (count at most, when
        count is given) replaced by repl: a template, or a function of the
        Match."""
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~_parser.FLAG_UNICODE
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if not flags:
            return 're.compile(%s)' % text
        return 're.compile(%s, %r)' % (text, RegexFlag(flags))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)


Pattern.__module__ = 're'


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._must_advance = 0

    def _next(self, mode):
        if self._pos > min(self._endpos, len(self._string)):
            return None
        marks = _re.exec(self.pattern._prog, self._string, self._pos, self._endpos, mode | self._must_advance)
        if marks is None:
            self._pos = len(self._string) + 1
            return None
        m = Match(self.pattern, self._string, self._pos, self._endpos, marks)
        self._must_advance = 4 if marks[0] == marks[1] else 0
        self._pos = marks[1]
        return m

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(1)


# ---- templates (sub's replacement strings) ---------------------------------------

def _parse_template(pattern, repl):
    """The template as a list of literal strings and group indexes."""
    is_str = isinstance(repl, str)
    text = repl if is_str else bytes(repl).decode('latin-1')
    items = []
    literal = []
    i = 0
    n = len(text)

    def fail(msg, pos):
        raise error(msg, repl, pos)
    while i < n:
        c = text[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            fail("bad escape (end of pattern)", start)
        c = text[i]
        i += 1
        group = None
        if c == 'g':
            if i >= n or text[i] != '<':
                fail("missing <", i)
            end = text.find('>', i + 1)
            if end < 0:
                if i + 1 >= n:
                    fail("missing group name", i + 1)
                fail("missing >, unterminated name", i + 1)
            name = text[i + 1:end]
            if not name:
                fail("missing group name", i + 1)
            if name.isdigit() and name.isascii():
                group = int(name)
                if group >= _parser.MAXGROUPS:
                    fail("invalid group reference %d" % group, i + 1)
            elif name.isidentifier():
                if not is_str and not name.isascii():
                    fail("bad character in group name %a" % name, i + 1)
                try:
                    group = pattern._groupindex[name]
                except KeyError:
                    raise IndexError("unknown group name %r" % name) from None
            else:
                fail("bad character in group name %r" % name, i + 1)
            if group > pattern.groups:
                fail("invalid group reference %d" % group, i + 1)
            i = end + 1
        elif c == '0':
            j = i
            while i < n and i < j + 2 and text[i] in '01234567':
                i += 1
            literal.append(chr(int(text[j - 1:i], 8)))
            continue
        elif c in '0123456789':
            if i < n and text[i] in '0123456789':
                if (c in '01234567' and text[i] in '01234567' and i + 1 < n and text[i + 1] in '01234567'):
                    value = int(text[i - 1:i + 2], 8)
                    if value > 0o377:
                        fail('octal escape value %s outside of range 0-0o377' % text[start:i + 2], start)
                    literal.append(chr(value))
                    i += 2
                    continue
                i += 1
            group = int(text[start + 1:i])
            if group > pattern.groups:
                fail("invalid group reference %d" % group, start + 1)
        else:
            esc = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}
            if c in esc:
                literal.append(esc[c])
                continue
            if c.isascii() and c.isalpha():
                fail("bad escape %s" % text[start:i], start)
            literal.append('\\' + c)
            continue
        if literal:
            items.append(''.join(literal))
            literal = []
        items.append(group)
    if literal:
        items.append(''.join(literal))
    if not is_str:
        items = [x.encode('latin-1') if isinstance(x, str) else x for x in items]
    return items


def _expand_template(pattern, items, match):
    empty = match.string[:0]
    if isinstance(empty, bytearray):
        empty = b''
    out = []
    for item in items:
        if isinstance(item, int):
            s = match._get(item)
            if s is not None:
                out.append(s)
        else:
            out.append(item)
    return empty.join(out)


# ---- the module functions ----------------------------------------------------------

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    tree, pflags, ngroups, names = _parser.parse(pattern, flags)
    prog = _compiler.compile_tree(tree, pflags, ngroups, isinstance(pattern, str))
    p = Pattern(pattern, pflags, ngroups - 1, names, prog)
    if len(_cache) >= _MAXCACHE:
        del _cache[next(iter(_cache))]
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    """The Pattern object for a pattern (cached)."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """A Match when the pattern matches at the start of string, else None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """A Match when the pattern matches all of string, else None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The Match of the first place where the pattern matches, or None."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """string with the non-overlapping matches replaced by repl (a
    template, or a function of the Match)."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """sub(), and the number of replacements made: (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """The pieces of string between the matches (with the groups' texts,
    when the pattern has groups)."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """The texts of the non-overlapping matches (or of the group, or
    tuples of the groups)."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of the Match objects of the non-overlapping matches."""
    return _compile(pattern, flags).finditer(string)


def purge():
    """Forget the compiled patterns."""
    _cache.clear()


def template(pattern, flags=0):
    """compile() with the TEMPLATE flag."""
    return _compile(pattern, flags | T)


_SPECIAL = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """The pattern that matches the text literally (its special
    characters backslash-escaped)."""
    if isinstance(pattern, str):
        return pattern.translate(_SPECIAL)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_SPECIAL).encode('latin1')


copyreg = None
