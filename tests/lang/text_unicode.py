# Non-ASCII text: lengths in code points, indexing and slicing across
# scripts, case mappings from the Unicode database (including special
# cases such as ß, ﬁ and final sigma), predicates and encodings.

words = ["straße", "ΟΔΥΣΣΕΥΣ", "İstanbul", "ﬁnance", "Ǆemal", "Ωmega", "日本語", "naïve café", "🐍 python"]
for w in words:
    print(f"{w!r:14} len={len(w):2} upper={w.upper()!r} lower={w.lower()!r}")
for w in words:
    print(f"{w!r:14} title={w.title()!r} cap={w.capitalize()!r} swap={w.swapcase()!r} fold={w.casefold()!r}")

print("ΣΑΣ ΣΑΣ.".lower(), "Σ".lower(), "aΣ".lower(), "aΣb".lower(), "ΑΣ'Σ".lower())
print("ß".upper(), "ŉ".upper(), "ﬃ".upper(), "ᾳ".upper(), "ᾳ".title(), "ǆ".title(), "ǆ".capitalize())
print("Straße".casefold() == "STRASSE".casefold(), "Straße".lower() == "strasse")

s = "día 日本 🐍!"
print(len(s), s[0], s[-1], s[4:6], s[::-1], s[::2], repr(s[7]))
print([c for c in s if not c.isascii()], s.encode("utf-8"), len(s.encode()))
print(s.find("日"), s.index("🐍"), s.count("a"), "日本" in s, s.replace("日本", "nihon"))
print(s.center(16, "·"), s.ljust(12, "_"), s.rjust(12), "|" + s.strip("d!") + "|")

for text in ["123", "١٢٣", "½", "²", "Ⅻ", "abc", "ab1", "Ab Cd", "ÀB", "àb", " \t\u3000", "x_1", "1x", "é"]:
    print(f"{text!r:9} alpha={text.isalpha():d} digit={text.isdigit():d} dec={text.isdecimal():d} "
          f"num={text.isnumeric():d} alnum={text.isalnum():d} space={text.isspace():d} "
          f"upper={text.isupper():d} lower={text.islower():d} title={text.istitle():d} "
          f"ident={text.isidentifier():d}")

print(int("١٢٣") + 1, float("٣.٥"), "\u00e9" == "é", "e\u0301" == "é", len("e\u0301"))
data = "naïve 日本 🐍"
for enc in ["utf-8", "latin-1", "ascii"]:
    print(enc, data.encode(enc, "replace"), data.encode(enc, "ignore"), data.encode(enc, "backslashreplace"))
print(data.encode("ascii", "xmlcharrefreplace"))
raw = data.encode()
print(raw.decode(), raw[:7].decode("utf-8", "replace"), raw[:7].decode("utf-8", "ignore"))
print(raw.decode("latin-1"), ascii(data), repr("\x00\x7f\x80\xa0\u200b\U0001f600"))
print(sorted(["éclair", "apple", "Zebra", "zoo", "Äpfel"]), max("héllo"), min("日本語"))
print("|".join(sorted(set("mississippi"))), "-".join("日本"), "".join(reversed("🐍ab")))
