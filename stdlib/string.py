"""String constants, capwords(), $-substitution templates (Template) and
the customisable Formatter behind str.format()."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep (whitespace by default), capitalize each word and
    join them with sep (one space by default)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ---- Template --------------------------------------------------------------------

_sentinel_dict = {}


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None
    _custom_pattern = False

    def __init_subclass__(cls):
        super().__init_subclass__()
        if 'pattern' in cls.__dict__:
            cls._custom_pattern = True

    def __init__(self, template):
        self.template = template

    def _plain(self):
        cls = type(self)
        return (not cls._custom_pattern and cls.idpattern == Template.idpattern
                and cls.braceidpattern is None and cls.flags is None)

    @property
    def pattern(self):
        import re
        cls = type(self)
        if cls._custom_pattern:
            for klass in cls.__mro__:
                if 'pattern' in klass.__dict__:
                    p = klass.__dict__['pattern']
                    break
            if isinstance(p, str):
                flags = re.IGNORECASE if cls.flags is None else cls.flags
                p = re.compile(p, flags | re.VERBOSE)
            return p
        delim = re.escape(cls.delimiter)
        idp = cls.idpattern
        bid = cls.braceidpattern or idp
        flags = re.IGNORECASE if cls.flags is None else cls.flags
        return re.compile(rf"""
            {delim}(?:
              (?P<escaped>{delim})  |
              (?P<named>{idp})      |
              {{(?P<braced>{bid})}} |
              (?P<invalid>)
            )
            """, flags | re.VERBOSE)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    @staticmethod
    def _ident_end(t, i):
        # An ASCII identifier ([_a-zA-Z][_a-zA-Z0-9]*) starting at i: its end.
        n = len(t)
        if i < n and (t[i] == '_' or ('a' <= t[i] <= 'z') or ('A' <= t[i] <= 'Z')):
            j = i + 1
            while j < n and (t[j] == '_' or ('a' <= t[j] <= 'z') or ('A' <= t[j] <= 'Z') or ('0' <= t[j] <= '9')):
                j += 1
            return j
        return i

    def _scan(self, convert):
        """Walk the template; convert(kind, name, start) gives the text of
        each placeholder ('escaped', 'named', 'braced' or 'invalid')."""
        t = self.template
        d = type(self).delimiter
        out = []
        i = 0
        n = len(t)
        while True:
            j = t.find(d, i)
            if j < 0:
                out.append(t[i:])
                break
            out.append(t[i:j])
            k = j + len(d)
            if t.startswith(d, k):
                out.append(convert('escaped', None, j, k + len(d)))
                i = k + len(d)
                continue
            e = self._ident_end(t, k)
            if e > k:
                out.append(convert('named', t[k:e], j, e))
                i = e
                continue
            if k < n and t[k] == '{':
                e = self._ident_end(t, k + 1)
                if e > k + 1 and e < n and t[e] == '}':
                    out.append(convert('braced', t[k + 1:e], j, e + 1))
                    i = e + 1
                    continue
            out.append(convert('invalid', None, j, k))
            i = k
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        if not self._plain():
            return self._re_substitute(mapping, False)

        def convert(kind, name, start, end):
            if kind == 'escaped':
                return self.delimiter
            if kind == 'invalid':
                self._invalid(end)
            return str(mapping[name])
        return self._scan(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        if not self._plain():
            return self._re_substitute(mapping, True)
        t = self.template

        def convert(kind, name, start, end):
            if kind == 'escaped':
                return self.delimiter
            if kind == 'invalid':
                return self.delimiter
            try:
                return str(mapping[name])
            except KeyError:
                return t[start:end]
        return self._scan(convert)

    def _re_substitute(self, mapping, safe):
        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    if safe:
                        return mo.group()
                    raise
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                if safe:
                    return mo.group()
                self._invalid(mo.start('invalid'))
            raise ValueError('Unrecognized named group in pattern', self.pattern)
        return self.pattern.sub(convert, self.template)

    def is_valid(self):
        ok = [True]

        def convert(kind, name, start, end):
            if kind == 'invalid':
                ok[0] = False
            return ''
        if self._plain():
            self._scan(convert)
            return ok[0]
        for mo in self.pattern.finditer(self.template):
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None and mo.group('braced') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return True

    def get_identifiers(self):
        ids = []

        def convert(kind, name, start, end):
            if name is not None and name not in ids:
                ids.append(name)
            return ''
        if self._plain():
            self._scan(convert)
            return ids
        for mo in self.pattern.finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
            elif (named is None and mo.group('invalid') is None
                  and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return ids


# ---- Formatter -------------------------------------------------------------------

def _parse_format(s):
    """Split a format string into (literal, field_name, format_spec,
    conversion) tuples, as str.format reads it."""
    i = 0
    n = len(s)
    literal = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                literal.append('{')
                i += 2
                continue
            # A replacement field: up to the matching '}'.
            depth = 1
            j = i + 1
            while j < n and depth:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j - 1]
            name_end = len(field)
            k = 0
            in_bracket = False
            while k < len(field):
                ch = field[k]
                if ch == '[':
                    in_bracket = True
                elif ch == ']':
                    in_bracket = False
                elif not in_bracket and ch in '!:':
                    name_end = k
                    break
                k += 1
            name = field[:name_end]
            rest = field[name_end:]
            conversion = None
            spec = ''
            if rest.startswith('!'):
                if len(rest) < 2:
                    raise ValueError('end of string while looking for conversion specifier')
                conversion = rest[1]
                rest = rest[2:]
                if rest and not rest.startswith(':'):
                    raise ValueError('expected \':\' after conversion specifier')
            if rest.startswith(':'):
                spec = rest[1:]
            yield ''.join(literal), name, spec, conversion
            literal = []
            i = j
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        yield ''.join(literal), None, None, None


def _split_field_name(name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)])"""
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            i = j
        else:
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
    return first, rest


class Formatter:
    """The machinery of str.format() as overridable methods."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field specification to automatic field numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field specification to automatic field numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        return list(_parse_format(format_string))

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
