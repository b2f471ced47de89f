# String literals, escapes, concatenation and repetition, unicode text.

plain = 'single quotes'
double = "double quotes"
tabbed = "a\tb\tc"
lines = "first\nsecond"
quotes = 'it\'s "quoted"'
backslash = "C:\\path\\to\\file"
hexes = "\x41\x42\x43 \u00e9\u00e8 \U0001F600"
octal = "\101\102\7x\0y"
raw = r"raw \n stays"
joined = "adjacent " 'literals ' "join"
triple = """three
lines
here"""
print(plain)
print(double)
print(tabbed)
print(lines)
print(quotes)
print(backslash)
print(hexes)
print(octal)
print(raw)
print(joined)
print(triple)


def banner(text, fill="=", width=3):
    edge = fill * width
    return edge + " " + text + " " + edge


print(banner("title"))
print(banner("section", "-", 5))
print(banner("unicode", "✓", 2))
print("ab" * 3, 3 * "ab", "[" + "x" * 0 + "]", "[" + "y" * -2 + "]")
print("héllo wörld ✓")
print("日本語のテキスト", "Ελληνικά", "emoji: 🐍")

s = ""
for i in range(5):
    s = s + "*"
    print(s)

word = "mississippi"
result = ""
for i in range(3):
    result = result + word + "-"
print(result + "end")

empty = ""
if not empty:
    print("the empty string is falsy")
print("" + "" == "", "a" + "b" == "ab", "ab" * 2 == "abab")
