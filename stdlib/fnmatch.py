"""Unix shell-style filename matching: fnmatch, fnmatchcase, filter,
translate (* any run, ? one character, [seq], [!seq])."""

import os
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN (case-normalised as the OS does)."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def _compile(pat):
    m = _cache.get(pat)
    if m is None:
        if isinstance(pat, bytes):
            res = translate(str(pat, 'ISO-8859-1'))
            m = re.compile(res.encode('ISO-8859-1')).match
        else:
            m = re.compile(translate(pat)).match
        if len(_cache) > 256:
            _cache.clear()
        _cache[pat] = m
    return m


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    pat = os.path.normcase(pat)
    match = _compile(pat)
    return [name for name in names if match(os.path.normcase(name))]


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    return _compile(pat)(name) is not None


def translate(pat):
    """Translate a shell PATTERN to a regular expression."""
    out = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not out or out[-1] != '.*':
                out.append('.*')
        elif c == '?':
            out.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                out.append('\\[')
                continue
            body = pat[i:j]
            i = j + 1
            neg = body.startswith('!')
            if neg:
                body = body[1:]
            if not body:
                out.append('(?!)' if not neg else '.')
                continue
            body = body.replace('\\', '\\\\')
            # keep ranges, escape the set operators re would see
            body = re.sub(r'([&~|])', r'\\\1', body)
            if body[0] == '^' and not neg:
                body = '\\' + body
            out.append('[%s%s]' % ('^' if neg else '', body))
        else:
            out.append(re.escape(c))
    return '(?s:%s)\\Z' % ''.join(out)
