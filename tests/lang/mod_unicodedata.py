# unicodedata: names, properties and normal forms of Latin, Greek, Cyrillic, combining marks, Hangul, CJK and emoji, and its errors.
import unicodedata as u
s = "Café naïve Ελληνικά Русский ё й Å Ω ﬁ ① ½ ² Ａ 한국어 ḱ ǅ \u1e9b\u0323 e\u0301\u0327 \u0344"
for f in ("NFC", "NFD", "NFKC", "NFKD"):
    n = u.normalize(f, s)
    print(f, ascii(n), len(n), u.is_normalized(f, s), u.is_normalized(f, n))
for c in "aZ5 é\u0301Ωж\u0483½²①Ａ😀\x00\u00ad€→한中\U00020000\u0e01":
    print(ascii(c), u.name(c, "?"), u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c), u.mirrored(c), u.decomposition(c), u.numeric(c, None), u.digit(c, None), u.decimal(c, None))
for n in ["LATIN SMALL LETTER E WITH ACUTE", "greek capital letter omega", "GRINNING FACE", "HANGUL SYLLABLE HAN", "CJK UNIFIED IDEOGRAPH-4E2D", "EURO SIGN", "BLACK HEART SUIT"]:
    print(n, ascii(u.lookup(n)))
print(u.category("("), u.mirrored("("), u.unidata_version, [u.category(chr(c)) for c in (0x378, 0xe000, 0xd800, 0x10ffff, 0x1F600)])
for f in [lambda: u.name("ab"), lambda: u.name("\x00"), lambda: u.lookup("NOPE"), lambda: u.normalize("X", "a"), lambda: u.normalize("NFC", 5), lambda: u.decimal("a"), lambda: u.digit("x"), lambda: u.numeric("q"), lambda: u.category(5), lambda: u.combining("")]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
import sys
count = 0
for cp in list(range(0, 0x3000, 41)) + list(range(0xAC00, 0xD7A4, 997)) + list(range(0x1F000, 0x1FB00, 53)):
    c = chr(cp)
    for f in ("NFC", "NFD", "NFKC", "NFKD"):
        count += len(u.normalize(f, c + "\u0301\u0316"))
print(count)
