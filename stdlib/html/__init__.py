"""HTML escaping: escape() replaces &, <, > (and quotes, by default)
with character references; unescape() replaces every named and numeric
character reference with its characters, by the HTML 5 rules (names
without their semicolon where the standard allows them, the Windows-1252
meanings of references to C1 controls, U+FFFD for invalid code points).
html.parser is not provided."""

import re as _re
from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


def _c1_table():
    # Numeric references to 0x80-0x9F mean their Windows-1252 characters;
    # the five bytes cp1252 leaves undefined stand for themselves.
    cp1252 = ('\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f'
              '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178')
    t = {0x00: '\ufffd', 0x0d: '\r'}
    for i, ch in enumerate(cp1252):
        t[0x80 + i] = ch
    return t


_invalid_charrefs = _c1_table()


def _is_dropped(num):
    # Control characters and noncharacters: the reference is removed.
    if 0x1 <= num <= 0x8 or 0xe <= num <= 0x1f or 0x7f <= num <= 0x9f or num == 0xb:
        return True
    if 0xfdd0 <= num <= 0xfdef:
        return True
    return (num & 0xfffe) == 0xfffe


def _replace_charref(m):
    s = m.group(1)
    if s[0] == '#':
        if len(s) > 1 and s[1] in 'xX':
            num = int(s[2:].rstrip(';'), 16)
        else:
            num = int(s[1:].rstrip(';'))
        if num in _invalid_charrefs:
            return _invalid_charrefs[num]
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return '\uFFFD'
        if _is_dropped(num):
            return ''
        return chr(num)
    if s in _html5:
        return _html5[s]
    # The longest prefix that names an entity (those without ';').
    for x in range(len(s) - 1, 1, -1):
        if s[:x] in _html5:
            return _html5[s[:x]] + s[x:]
    return '&' + s


_charref = _re.compile(r'&(#[0-9]+;?'
                       r'|#[xX][0-9a-fA-F]+;?'
                       r'|[^\t\n\f <&#;]{1,32};?)')


def unescape(s):
    if '&' not in s:
        return s
    return _charref.sub(_replace_charref, s)
