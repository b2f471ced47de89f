# aithon: native
"""The regular expression compiler: syntax tree (re._parser) -> programs
for the engine in runtime/modules/modre.c (module _re).

A program is a list of int words; the opcodes and their operands are
those modre.c documents. Two programs are made: one for the
backtracking engine (with one-instruction single-character repeats),
and, when the pattern uses nothing that needs backtracking
(backreferences, look-arounds, atomic groups, possessive repeats,
conditionals), one for the linear-time Pike engine, where every repeat
is a loop of SPLIT/JMP."""

import _re
from re._parser import (FLAG_IGNORECASE, FLAG_MULTILINE, FLAG_DOTALL, FLAG_ASCII,
                        FLAG_LOCALE, width)

OP_MATCH = 0
OP_CHAR = 1
OP_CHAR_IC = 2
OP_ANY = 3
OP_ANY_ALL = 4
OP_CLASS = 5
OP_CLASS_IC = 6
OP_AT = 7
OP_SAVE = 8
OP_SPLIT = 9
OP_JMP = 10
OP_REPEAT = 11
OP_BACKREF = 12
OP_BACKREF_IC = 13
OP_ASSERT = 14
OP_SUCCEED = 15
OP_ATOMIC = 16
OP_GROUPREF_EXISTS = 17
OP_MARK = 18
OP_PROGRESS = 19
OP_FAIL = 20

AT_BOL, AT_BOL_M, AT_EOL, AT_EOL_M, AT_BOS, AT_EOS, AT_WORDB, AT_NWORDB, AT_WORDB_A, AT_NWORDB_A = range(10)
REP_MODES = {'greedy': 0, 'lazy': 1, 'possessive': 2}
ASSERT_KINDS = {'ahead': 0, 'not_ahead': 1, 'behind': 2, 'not_behind': 3}
CATEGORIES = {'digit': 0, 'not_digit': 1, 'space': 2, 'not_space': 3, 'word': 4, 'not_word': 5}

# Repeats of a multi-character body are unrolled; beyond this many
# copies the pattern is refused (CPython's engine has no such limit).
_MAX_UNROLL = 100000


def _has_case(c):
    return _re.lower(c) != c or _re.upper(c) != c


def _needs_backtracking(node):
    kind = node[0]
    if kind in ('backref', 'assert', 'atomic', 'cond'):
        return True
    if kind == 'rep':
        return node[3] == 'possessive' or _needs_backtracking(node[4])
    if kind in ('seq', 'alt'):
        return any(_needs_backtracking(x) for x in node[1])
    if kind == 'group':
        return _needs_backtracking(node[2])
    if kind == 'flags':
        return _needs_backtracking(node[3])
    return False


class _Emitter:
    def __init__(self, text_is_str, nmarks, pike):
        self.code = []
        self.classes = []
        self.class_index = {}
        self.is_str = text_is_str
        self.nreg = nmarks + 1          # registers follow the marks and lastindex
        self.pike = pike

    def new_register(self):
        r = self.nreg
        self.nreg += 1
        return r

    def add_class(self, negate, items, flags):
        words = [1 if negate else 0]
        ranges = [(lo, hi) for k, lo, hi in [x for x in items if x[0] == 'range']]
        cats = [CATEGORIES[x[1]] + (6 if (flags & (FLAG_ASCII | FLAG_LOCALE) or not self.is_str) else 0)
                for x in items if x[0] == 'cat']
        words.append(len(ranges))
        for lo, hi in ranges:
            words.append(lo)
            words.append(hi)
        words.append(len(cats))
        words.extend(cats)
        key = tuple(words)
        off = self.class_index.get(key)
        if off is None:
            off = len(self.classes)
            self.classes.extend(words)
            self.class_index[key] = off
        return off

    def single(self, node, flags):
        """The 2 words of a single-character matcher, or None."""
        kind = node[0]
        ic = flags & FLAG_IGNORECASE
        if kind == 'lit':
            c = node[1]
            if ic and (_has_case(c) if self.is_str else (65 <= c <= 90 or 97 <= c <= 122)):
                return [OP_CHAR_IC, _re.lower(c)]
            return [OP_CHAR, c]
        if kind == 'any':
            return [OP_ANY_ALL if flags & FLAG_DOTALL else OP_ANY, 0]
        if kind == 'class':
            off = self.add_class(node[1], node[2], flags)
            return [OP_CLASS_IC if ic else OP_CLASS, off]
        return None

    def emit(self, node, flags):
        code = self.code
        kind = node[0]
        one = self.single(node, flags)
        if one is not None:
            code.extend(one)
            return
        if kind == 'seq':
            for item in node[1]:
                self.emit(item, flags)
        elif kind == 'alt':
            jumps = []
            branches = node[1]
            for i, branch in enumerate(branches):
                if i < len(branches) - 1:
                    split = len(code)
                    code.extend([OP_SPLIT, split + 3, 0])
                    self.emit(branch, flags)
                    jumps.append(len(code))
                    code.extend([OP_JMP, 0])
                    code[split + 2] = len(code)
                else:
                    self.emit(branch, flags)
            for j in jumps:
                code[j + 1] = len(code)
        elif kind == 'group':
            code.extend([OP_SAVE, 2 * node[1]])
            self.emit(node[2], flags)
            code.extend([OP_SAVE, 2 * node[1] + 1])
        elif kind == 'at':
            code.extend([OP_AT, self.anchor(node[1], flags)])
        elif kind == 'backref':
            code.extend([OP_BACKREF_IC if flags & FLAG_IGNORECASE else OP_BACKREF, node[1]])
        elif kind == 'rep':
            self.repeat(node, flags)
        elif kind == 'assert':
            lo, hi = width(node[2])
            start = len(code)
            code.extend([OP_ASSERT, ASSERT_KINDS[node[1]], lo, 0])
            self.emit(node[2], flags)
            code.append(OP_SUCCEED)
            code[start + 3] = len(code) - (start + 4)
        elif kind == 'atomic':
            self.atomic(node[1], flags)
        elif kind == 'cond':
            start = len(code)
            code.extend([OP_GROUPREF_EXISTS, node[1], 0])
            self.emit(node[2], flags)
            if node[3] is not None:
                j = len(code)
                code.extend([OP_JMP, 0])
                code[start + 2] = len(code)
                self.emit(node[3], flags)
                code[j + 1] = len(code)
            else:
                code[start + 2] = len(code)
        elif kind == 'flags':
            on, off = node[1], node[2]
            self.emit(node[3], (flags | on) & ~off)
        else:
            raise AssertionError('unknown node %r' % (kind,))

    def atomic(self, node, flags):
        code = self.code
        start = len(code)
        code.extend([OP_ATOMIC, 0])
        self.emit(node, flags)
        code.append(OP_SUCCEED)
        code[start + 1] = len(code) - (start + 2)

    def anchor(self, kind, flags):
        m = flags & FLAG_MULTILINE
        ascii = flags & (FLAG_ASCII | FLAG_LOCALE) or not self.is_str
        if kind == 'beginning':
            return AT_BOL_M if m else AT_BOL
        if kind == 'end':
            return AT_EOL_M if m else AT_EOL
        if kind == 'beginning_string':
            return AT_BOS
        if kind == 'end_string':
            return AT_EOS
        if kind == 'boundary':
            return AT_WORDB_A if ascii else AT_WORDB
        return AT_NWORDB_A if ascii else AT_NWORDB

    def repeat(self, node, flags):
        code = self.code
        _, lo, hi, mode, body = node
        one = self.single(body, flags)
        if one is not None and not self.pike:
            code.extend([OP_REPEAT, lo, -1 if hi is None else hi, REP_MODES[mode]])
            code.extend(one)
            return
        if mode == 'possessive':
            self.atomic(('rep', lo, hi, 'greedy', body), flags)
            return
        lazy = mode == 'lazy'
        copies = lo + ((hi - lo) if hi is not None else 0)
        if copies > _MAX_UNROLL:
            raise OverflowError('the repetition number is too large')
        for _ in range(lo):
            self.emit(body, flags)
        if hi is None:
            can_be_empty = width(body)[0] == 0
            loop = len(code)
            code.extend([OP_SPLIT, 0, 0])
            begin = len(code)
            if can_be_empty:
                reg = self.new_register()
                code.extend([OP_MARK, reg])
                self.emit(body, flags)
                code.extend([OP_PROGRESS, reg, loop])
            else:
                self.emit(body, flags)
                code.extend([OP_JMP, loop])
            end = len(code)
            code[loop + 1], code[loop + 2] = (end, begin) if lazy else (begin, end)
        else:
            splits = []
            for _ in range(hi - lo):
                split = len(code)
                code.extend([OP_SPLIT, 0, 0])
                splits.append(split)
                self.emit(body, flags)
            end = len(code)
            for split in splits:
                begin = split + 3
                code[split + 1], code[split + 2] = (end, begin) if lazy else (begin, end)


def _first_char(node, flags):
    """A code point every match must start with, or -1."""
    if flags & FLAG_IGNORECASE:
        return -1
    kind = node[0]
    if kind == 'lit':
        return node[1]
    if kind == 'seq':
        for item in node[1]:
            if item[0] == 'at':
                continue
            return _first_char(item, flags)
        return -1
    if kind == 'alt':
        # Python|Perl: the search may skip to the next 'P' too.
        firsts = {_first_char(b, flags) for b in node[1]}
        return firsts.pop() if len(firsts) == 1 else -1
    if kind == 'group':
        return _first_char(node[2], flags)
    if kind == 'rep' and node[1] >= 1:
        return _first_char(node[4], flags)
    if kind == 'flags':
        return _first_char(node[3], (flags | node[1]) & ~node[2])
    return -1


def _first_set(node, flags):
    """The set of code points every match starts with, or None (unknown,
    or a match may be empty)."""
    if flags & FLAG_IGNORECASE:
        return None
    kind = node[0]
    if kind == 'lit':
        return {node[1]}
    if kind == 'alt':
        out = set()
        for b in node[1]:
            f = _first_set(b, flags)
            if f is None:
                return None
            out |= f
        return out
    if kind == 'seq':
        for item in node[1]:
            if item[0] == 'at':
                continue
            return _first_set(item, flags)
        return None
    if kind == 'group':
        return _first_set(node[2], flags)
    if kind == 'rep' and node[1] >= 1:
        return _first_set(node[4], flags)
    if kind == 'flags':
        return _first_set(node[3], (flags | node[1]) & ~node[2])
    return None


def _first_bitmap(node, flags):
    """_first_set as _re.Program's 32-byte bitmap, when it has more than
    one code point, all below 256; else None."""
    f = _first_set(node, flags)
    if not f or len(f) < 2 or max(f) > 255:
        return None
    bits = bytearray(32)
    for c in f:
        bits[c >> 3] |= 1 << (c & 7)
    return bytes(bits)


def _anchored(node, flags):
    kind = node[0]
    if kind == 'at':
        return node[1] == 'beginning_string' or (node[1] == 'beginning' and not flags & FLAG_MULTILINE)
    if kind == 'seq':
        return bool(node[1]) and _anchored(node[1][0], flags)
    if kind == 'group':
        return _anchored(node[2], flags)
    return False


def compile_tree(tree, flags, ngroups, is_str):
    """The _re.Program for a parsed pattern."""
    nmarks = 2 * ngroups
    bt = _Emitter(is_str, nmarks, False)
    bt.emit(tree, flags)
    bt.code.append(OP_MATCH)
    pike_code = None
    nslots = bt.nreg
    if not _needs_backtracking(tree):
        pk = _Emitter(is_str, nmarks, True)
        pk.classes = bt.classes
        pk.class_index = bt.class_index
        pk.emit(tree, flags)
        pk.code.append(OP_MATCH)
        pike_code = tuple(pk.code)
        nslots = max(nslots, pk.nreg)
    return _re.Program(tuple(bt.code), tuple(bt.classes) or (0,), pike_code, nslots, nmarks,
                       _first_char(tree, flags), 1 if _anchored(tree, flags) else 0,
                       _first_bitmap(tree, flags))
