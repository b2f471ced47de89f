# aithon: native
"""The regular expression parser: pattern text -> syntax tree, a
recursive-descent parser over the pattern's code points.

Tree nodes are tuples:
    ('lit', cp)                   one code point
    ('any',)                      . (DOTALL is applied by the compiler)
    ('class', negate, items)      [...]; items: ('range', lo, hi) / ('cat', name)
    ('at', kind)                  ^ $ \\A \\Z \\b \\B
    ('group', index, node)        a capturing group (index >= 1)
    ('seq', [nodes])              concatenation
    ('alt', [nodes])              alternatives
    ('rep', lo, hi, mode, node)   repetition; hi None is unbounded; mode
                                  'greedy', 'lazy' or 'possessive'
    ('backref', index)
    ('assert', kind, node)        kind: 'ahead', 'not_ahead', 'behind', 'not_behind'
    ('atomic', node)
    ('cond', index, yes, no)      (?(1)yes|no); no may be None
    ('flags', on, off, node)      scoped inline flags (?i:...)
Errors are re.error with CPython's messages and positions (the
positions of the constructs they are about)."""

FLAG_TEMPLATE = 1
FLAG_IGNORECASE = 2
FLAG_LOCALE = 4
FLAG_MULTILINE = 8
FLAG_DOTALL = 16
FLAG_UNICODE = 32
FLAG_VERBOSE = 64
FLAG_DEBUG = 128
FLAG_ASCII = 256

INLINE_FLAGS = {'i': FLAG_IGNORECASE, 'L': FLAG_LOCALE, 'm': FLAG_MULTILINE, 's': FLAG_DOTALL,
                'x': FLAG_VERBOSE, 'a': FLAG_ASCII, 't': FLAG_TEMPLATE, 'u': FLAG_UNICODE}
_KIND_FLAGS = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE

MAXREPEAT = 4294967295
MAXGROUPS = 1073741823

_CATEGORY = {'d': 'digit', 'D': 'not_digit', 's': 'space', 'S': 'not_space',
             'w': 'word', 'W': 'not_word'}
_SIMPLE_ESCAPES = {'a': 7, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11, '\\': 92}
_ANCHORS = {'A': 'beginning_string', 'Z': 'end_string', 'b': 'boundary', 'B': 'non_boundary'}


class error(Exception):
    """A regular expression that cannot be compiled (or a template that
    cannot be expanded): msg, pattern, pos, lineno and colno say what and
    where."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            text = '%s at position %d' % (msg, pos)
            nl = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(nl, 0, pos) + 1
            self.colno = pos - pattern.rfind(nl, 0, pos)
            if nl in pattern:
                text = '%s (line %d, column %d)' % (text, self.lineno, self.colno)
            msg = text
        super().__init__(msg)


error.__module__ = 're'


def _isdigit(c):
    return '0' <= c <= '9'


def _isoct(c):
    return '0' <= c <= '7'


def _ishex(c):
    return _isdigit(c) or 'a' <= c <= 'f' or 'A' <= c <= 'F'


class _Parser:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        self.text = pattern if isinstance(pattern, str) else pattern.decode('latin-1')
        self.is_str = isinstance(pattern, str)
        self.n = len(self.text)
        self.i = 0
        self.flags = flags
        self.names = {}
        self.widths = [None]           # per group; None while the group is open
        self.behind_start = None       # group count when the innermost look-behind began

    # -- helpers

    def fail(self, msg, pos):
        raise error(msg, self.pattern, pos)

    def peek(self):
        return self.text[self.i] if self.i < self.n else ''

    def eat(self, s):
        if self.text.startswith(s, self.i):
            self.i += len(s)
            return True
        return False

    def skip_verbose(self, verbose):
        if not verbose:
            return
        t = self.text
        while self.i < self.n:
            c = t[self.i]
            if c in ' \t\n\r\v\f':
                self.i += 1
            elif c == '#':
                while self.i < self.n and t[self.i] != '\n':
                    self.i += 1
            else:
                break

    @property
    def ngroups(self):
        return len(self.widths)

    # -- grammar

    def alternation(self, verbose, depth, at_start):
        branches = [self.sequence(verbose, depth, at_start)]
        while self.eat('|'):
            if depth == 0:
                verbose = self.flags & FLAG_VERBOSE
            branches.append(self.sequence(verbose, depth, False))
        return branches[0] if len(branches) == 1 else ('alt', branches)

    def sequence(self, verbose, depth, at_start):
        items = []
        while True:
            self.skip_verbose(verbose)
            c = self.peek()
            if not c or c in '|)':
                break
            start = self.i
            if c in '*+?{':
                if c == '{' and not self.counted_repeat_ahead():
                    self.i += 1
                    items.append(('lit', ord('{')))
                    continue
                self.repeat(items, start)
                continue
            atom = self.atom(verbose, depth, at_start and not items)
            if atom is not None:
                items.append(atom)
            elif self.flags & FLAG_VERBOSE:
                verbose = True          # (?x) at the start
        return items[0] if len(items) == 1 else ('seq', items)

    def counted_repeat_ahead(self):
        """Is the '{' at i the start of {m}, {m,}, {,n} or {m,n}?"""
        j = self.i + 1
        t = self.text
        while j < self.n and _isdigit(t[j]):
            j += 1
        if j < self.n and t[j] == ',':
            j += 1
            while j < self.n and _isdigit(t[j]):
                j += 1
        return j < self.n and t[j] == '}' and j > self.i + 1

    def repeat(self, items, start):
        t = self.text
        c = t[self.i]
        self.i += 1
        if c == '?':
            lo, hi = 0, 1
        elif c == '*':
            lo, hi = 0, None
        elif c == '+':
            lo, hi = 1, None
        else:
            j = self.i
            while _isdigit(self.peek()):
                self.i += 1
            lo_text = t[j:self.i]
            if self.eat(','):
                k = self.i
                while _isdigit(self.peek()):
                    self.i += 1
                hi_text = t[k:self.i]
            else:
                hi_text = lo_text
            self.i += 1            # the '}'
            lo = int(lo_text) if lo_text else 0
            hi = int(hi_text) if hi_text else None
            if lo >= MAXREPEAT or (hi is not None and hi >= MAXREPEAT):
                raise OverflowError("the repetition number is too large")
            if hi is not None and hi < lo:
                self.fail("min repeat greater than max repeat", j)
        if not items or items[-1][0] == 'at':
            self.fail("nothing to repeat", start)
        target = items[-1]
        if target[0] == 'rep' and not target[-1] == 'grouped':
            self.fail("multiple repeat", start)
        if self.eat('?'):
            mode = 'lazy'
        elif self.eat('+'):
            mode = 'possessive'
        else:
            mode = 'greedy'
        if target[0] == 'grouped':
            target = target[1]
        items[-1] = ('rep', lo, hi, mode, target)

    def atom(self, verbose, depth, at_start):
        t = self.text
        start = self.i
        c = t[self.i]
        self.i += 1
        if c == '\\':
            return self.escape(start)
        if c == '.':
            return ('any',)
        if c == '^':
            return ('at', 'beginning')
        if c == '$':
            return ('at', 'end')
        if c == '[':
            return self.char_class(start)
        if c == '(':
            return self.group(start, verbose, depth, at_start)
        return ('lit', ord(c))

    # -- escapes

    def escape(self, start):
        """The escape whose backslash is at start, outside a class."""
        t = self.text
        if self.i >= self.n:
            self.fail("bad escape (end of pattern)", start)
        c = t[self.i]
        self.i += 1
        if c in _CATEGORY:
            return ('class', False, [('cat', _CATEGORY[c])])
        if c in _ANCHORS:
            return ('at', _ANCHORS[c])
        if c in _SIMPLE_ESCAPES:
            return ('lit', _SIMPLE_ESCAPES[c])
        if c == '0':
            j = self.i
            while self.i < self.n and self.i < j + 2 and _isoct(t[self.i]):
                self.i += 1
            return ('lit', int(t[j - 1:self.i], 8))
        if _isdigit(c):
            # Three octal digits are a character; one or two digits a group.
            if self.i < self.n and _isdigit(t[self.i]):
                if (_isoct(c) and _isoct(t[self.i]) and self.i + 1 < self.n and _isoct(t[self.i + 1])):
                    value = int(t[self.i - 1:self.i + 2], 8)
                    self.i += 2
                    if value > 0o377:
                        self.fail('octal escape value %s outside of range 0-0o377'
                                  % t[start:self.i], start)
                    return ('lit', value)
                self.i += 1
            group = int(t[start + 1:self.i])
            if group < self.ngroups:
                if self.widths[group] is None:
                    self.fail("cannot refer to an open group", start)
                self.check_behind_ref(group, start)
                return ('backref', group)
            self.fail("invalid group reference %d" % group, start + 1)
        return ('lit', self.code_escape(c, start, False))

    def code_escape(self, c, start, in_class):
        """The code point of a \\x \\u \\U \\N or octal escape, or of an
        escaped punctuation character; re.error for anything else."""
        t = self.text
        if c == 'x' or (self.is_str and c in 'uU'):
            want = {'x': 2, 'u': 4, 'U': 8}[c]
            j = self.i
            while self.i < self.n and self.i < j + want and _ishex(t[self.i]):
                self.i += 1
            if self.i - j != want:
                self.fail("incomplete escape %s" % t[start:self.i], start)
            value = int(t[j:self.i], 16)
            if value > 0x10FFFF:
                self.fail("bad escape %s" % t[start:self.i], start)
            return value
        if c == 'N' and self.is_str:
            if not self.eat('{'):
                self.fail("missing {", self.i)
            end = t.find('}', self.i)
            if end < 0 or end == self.i:
                self.fail("missing character name" if end == self.i else "missing }, unterminated name",
                          self.i)
            name = t[self.i:end]
            self.i = end + 1
            self.fail("undefined character name %r" % name, start)
        if _isoct(c) and in_class:
            j = self.i - 1
            while self.i < self.n and self.i < j + 3 and _isoct(t[self.i]):
                self.i += 1
            value = int(t[j:self.i], 8)
            if value > 0o377:
                self.fail('octal escape value %s outside of range 0-0o377' % t[start:self.i], start)
            return value
        if c.isascii() and c.isalnum():
            self.fail("bad escape %s" % t[start:self.i], start)
        return ord(c)

    # -- character classes

    def class_item(self):
        """One member of [...] at i: ('lit', cp), ('cat', name), and the
        text it was written as."""
        t = self.text
        start = self.i
        c = t[self.i]
        self.i += 1
        if c != '\\':
            return ('lit', ord(c)), c
        if self.i >= self.n:
            self.fail("bad escape (end of pattern)", start)
        e = t[self.i]
        self.i += 1
        if e in _CATEGORY:
            return ('cat', _CATEGORY[e]), t[start:self.i]
        if e == 'b':
            return ('lit', 8), t[start:self.i]
        if e in _SIMPLE_ESCAPES:
            return ('lit', _SIMPLE_ESCAPES[e]), t[start:self.i]
        if _isdigit(e) and not _isoct(e):
            self.fail("bad escape %s" % t[start:self.i], start)
        return ('lit', self.code_escape(e, start, True)), t[start:self.i]

    def char_class(self, start):
        items = []
        negate = self.eat('^')
        first = True
        while True:
            if self.i >= self.n:
                self.fail("unterminated character set", start)
            if self.text[self.i] == ']' and not first:
                self.i += 1
                break
            first = False
            item_start = self.i
            lo, lo_text = self.class_item()
            if self.text.startswith('-', self.i) and self.i + 1 < self.n and self.text[self.i + 1] != ']':
                self.i += 1
                hi, hi_text = self.class_item()
                if lo[0] != 'lit' or hi[0] != 'lit' or hi[1] < lo[1]:
                    self.fail("bad character range %s-%s" % (lo_text, hi_text), item_start)
                items.append(('range', lo[1], hi[1]))
            elif lo[0] == 'cat':
                items.append(lo)
            else:
                items.append(('range', lo[1], lo[1]))
        if not negate and len(items) == 1 and items[0][0] == 'range' and items[0][1] == items[0][2]:
            return ('lit', items[0][1])
        return ('class', bool(negate), items)

    # -- groups

    def group_name(self, terminator, name_pos):
        """The name up to terminator (checked), leaving i after it."""
        t = self.text
        end = t.find(terminator, self.i)
        if end < 0:
            if self.i >= self.n:
                self.fail("missing group name", self.i)
            self.fail("missing %s, unterminated name" % terminator, name_pos)
        if end == self.i:
            self.fail("missing group name", self.i)
        name = t[self.i:end]
        self.i = end + 1
        if not self.is_str and not name.isascii():
            self.fail("bad character in group name %a" % name, name_pos)
        if not name.isidentifier():
            self.fail("bad character in group name %r" % name, name_pos)
        return name

    def check_behind_ref(self, group, pos):
        if self.behind_start is not None and group >= self.behind_start:
            self.fail('cannot refer to group defined in the same lookbehind subpattern', pos)

    def group(self, start, verbose, depth, at_start):
        t = self.text
        name = None
        capture = True
        kind = None
        on = off = 0
        if self.eat('?'):
            q = self.i - 1
            if self.i >= self.n:
                self.fail("unexpected end of pattern", self.i)
            c = t[self.i]
            self.i += 1
            if c == 'P':
                if self.eat('<'):
                    name = self.group_name('>', self.i)
                elif self.eat('='):
                    name_pos = self.i
                    name = self.group_name(')', name_pos)
                    group = self.names.get(name)
                    if group is None:
                        self.fail("unknown group name %r" % name, name_pos)
                    if self.widths[group] is None:
                        self.fail("cannot refer to an open group", name_pos)
                    self.check_behind_ref(group, name_pos)
                    return ('backref', group)
                else:
                    if self.i >= self.n:
                        self.fail("unexpected end of pattern", self.i)
                    self.fail("unknown extension ?P" + t[self.i], q)
            elif c == ':':
                capture = False
            elif c == '#':
                end = t.find(')', self.i)
                if end < 0:
                    self.fail("missing ), unterminated comment", start)
                self.i = end + 1
                return None
            elif c in '=!':
                capture = False
                kind = 'ahead' if c == '=' else 'not_ahead'
            elif c == '<':
                capture = False
                if self.i >= self.n:
                    self.fail("unexpected end of pattern", self.i)
                d = t[self.i]
                self.i += 1
                if d not in '=!':
                    self.fail("unknown extension ?<" + d, q)
                kind = 'behind' if d == '=' else 'not_behind'
            elif c == '(':
                return self.conditional(start, verbose, depth)
            elif c == '>':
                capture = False
                kind = 'atomic'
            elif c in INLINE_FLAGS or c == '-':
                self.i -= 1
                flags = self.inline_flags()
                if flags is None:
                    if not at_start:
                        self.fail('global flags not at the start of the expression', start)
                    return None
                on, off = flags
                capture = False
                kind = 'flags'
            else:
                self.fail("unknown extension ?" + c, q)
        group = None
        if capture:
            group = self.ngroups
            if name is not None:
                if name in self.names:
                    self.fail("redefinition of group name %r as group %d; was group %d"
                              % (name, group, self.names[name]), start + 4)
                self.names[name] = group
            self.widths.append(None)
        saved_behind = self.behind_start
        if kind in ('behind', 'not_behind') and self.behind_start is None:
            self.behind_start = self.ngroups
        sub_verbose = (verbose or (on & FLAG_VERBOSE)) and not (off & FLAG_VERBOSE)
        body = self.alternation(sub_verbose, depth + 1, False)
        self.behind_start = saved_behind
        if not self.eat(')'):
            self.fail("missing ), unterminated subpattern", start)
        if group is not None:
            self.widths[group] = width(body)
            return ('grouped', ('group', group, body))
        if kind in ('ahead', 'not_ahead'):
            return ('assert', kind, body)
        if kind in ('behind', 'not_behind'):
            lo, hi = width(body)
            if lo != hi:
                raise error("look-behind requires fixed-width pattern")
            return ('assert', kind, body)
        if kind == 'atomic':
            return ('grouped', ('atomic', body))
        if kind == 'flags':
            return ('grouped', ('flags', on, off, body))
        return ('grouped', body)

    def conditional(self, start, verbose, depth):
        t = self.text
        name_pos = self.i
        end = t.find(')', self.i)
        if end < 0 or end == self.i:
            self.fail("missing group name", self.i if end == self.i else self.n)
        cond = t[self.i:end]
        self.i = end + 1
        if cond.isidentifier():
            group = self.names.get(cond)
            if group is None:
                self.fail("unknown group name %r" % cond, name_pos)
        else:
            if not cond.isdigit() or not cond.isascii():
                self.fail("bad character in group name %r" % cond, name_pos)
            group = int(cond)
            if group == 0:
                self.fail("bad group number", name_pos)
            if group >= MAXGROUPS:
                self.fail("invalid group reference %d" % group, name_pos)
        self.check_behind_ref(group, name_pos)
        yes = self.sequence(verbose, depth + 1, False)
        no = None
        if self.eat('|'):
            no = self.sequence(verbose, depth + 1, False)
            if self.peek() == '|':
                self.fail("conditional backref with more than two branches", self.i)
        if not self.eat(')'):
            self.fail("missing ), unterminated subpattern", start)
        return ('cond', group, yes, no)

    def inline_flags(self):
        """(?aiLmsux) (None: global flags, now set) or (?aiLmsux-imsx:
        ...) (the flags turned on and off)."""
        t = self.text
        on = 0
        c = t[self.i] if self.i < self.n else ''
        self.i += 1
        if c != '-':
            while True:
                flag = INLINE_FLAGS[c]
                if self.is_str and c == 'L':
                    self.fail("bad inline flags: cannot use 'L' flag with a str pattern", self.i - 1)
                if not self.is_str and c == 'u':
                    self.fail("bad inline flags: cannot use 'u' flag with a bytes pattern", self.i - 1)
                on |= flag
                if (flag & _KIND_FLAGS) and (on & _KIND_FLAGS) != flag:
                    self.fail("bad inline flags: flags 'a', 'u' and 'L' are incompatible", self.i - 1)
                if self.i >= self.n:
                    self.fail("missing -, : or )", self.i)
                c = t[self.i]
                self.i += 1
                if c in ')-:':
                    break
                if c not in INLINE_FLAGS:
                    self.fail("unknown flag" if c.isalpha() else "missing -, : or )", self.i - 1)
        if c == ')':
            self.flags |= on
            return None
        if on & (FLAG_DEBUG | FLAG_TEMPLATE):
            self.fail("bad inline flags: cannot turn on global flag", self.i - 1)
        off = 0
        if c == '-':
            if self.i >= self.n:
                self.fail("missing flag", self.i)
            c = t[self.i]
            self.i += 1
            if c not in INLINE_FLAGS:
                self.fail("unknown flag" if c.isalpha() else "missing flag", self.i - 1)
            while True:
                flag = INLINE_FLAGS[c]
                if flag & _KIND_FLAGS:
                    self.fail("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", self.i)
                off |= flag
                if self.i >= self.n:
                    self.fail("missing :", self.i)
                c = t[self.i]
                self.i += 1
                if c == ':':
                    break
                if c not in INLINE_FLAGS:
                    self.fail("unknown flag" if c.isalpha() else "missing :", self.i - 1)
        if off & (FLAG_DEBUG | FLAG_TEMPLATE):
            self.fail("bad inline flags: cannot turn off global flag", self.i - 1)
        if on & off:
            self.fail("bad inline flags: flag turned on and off", self.i - 1)
        return on, off


def _strip(node):
    """Remove the parser's ('grouped', x) wrappers (they only tell a
    repeat that it applies to a whole group)."""
    kind = node[0]
    if kind == 'grouped':
        return _strip(node[1])
    if kind in ('seq', 'alt'):
        return (kind, [_strip(x) for x in node[1]])
    if kind == 'group':
        return ('group', node[1], _strip(node[2]))
    if kind == 'rep':
        return ('rep', node[1], node[2], node[3], _strip(node[4]))
    if kind == 'assert':
        return ('assert', node[1], _strip(node[2]))
    if kind == 'atomic':
        return ('atomic', _strip(node[1]))
    if kind == 'flags':
        return ('flags', node[1], node[2], _strip(node[3]))
    if kind == 'cond':
        return ('cond', node[1], _strip(node[2]), None if node[3] is None else _strip(node[3]))
    return node


def width(node):
    """(min, max) length of what node matches (max None: unbounded)."""
    kind = node[0]
    if kind in ('lit', 'any', 'class'):
        return 1, 1
    if kind in ('at', 'assert'):
        return 0, 0
    if kind == 'grouped':
        return width(node[1])
    if kind in ('group', 'atomic', 'flags'):
        return width(node[-1])
    if kind in ('seq', 'alt'):
        spans = [width(x) for x in node[1]] or [(0, 0)]
        if kind == 'seq':
            lo = sum(a for a, b in spans)
            hi = None if any(b is None for a, b in spans) else sum(b for a, b in spans)
        else:
            lo = min(a for a, b in spans)
            hi = None if any(b is None for a, b in spans) else max(b for a, b in spans)
        return lo, hi
    if kind == 'rep':
        a, b = width(node[4])
        return a * node[1], (None if node[2] is None or b is None else b * node[2])
    if kind == 'cond':
        a, b = width(node[2])
        c, d = width(node[3]) if node[3] is not None else (0, 0)
        return min(a, c), (None if b is None or d is None else max(b, d))
    return 0, None      # backref


def parse(pattern, flags=0):
    """(tree, flags, number of groups + 1, group name -> index)."""
    p = _Parser(pattern, flags)
    tree = p.alternation(flags & FLAG_VERBOSE, 0, True)
    if p.i < p.n:
        p.fail("unbalanced parenthesis", p.i)
    return _strip(tree), _fix_flags(pattern, p.flags), p.ngroups, p.names


def _fix_flags(src, flags):
    if isinstance(src, str):
        if flags & FLAG_LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if not flags & FLAG_ASCII:
            flags |= FLAG_UNICODE
        elif flags & FLAG_UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & FLAG_UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & FLAG_LOCALE and flags & FLAG_ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    return flags
