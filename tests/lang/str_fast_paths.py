# Fast paths for str: == / != / < between exact strs, `ch in "..."`,
# len(s) inline, s[i] of one character, one-character constants shared
# between modules; str subclasses keep their own operators.
import string

words = ["", "a", "b", "ab", "abc", "é", "€", "😀", "a" * 20, "a" * 19 + "b", "A"]
for x in words:
    for y in words:
        r = (x == y, x != y, x < y, x <= y, x > y, x >= y)
        if any(r[:1]) or x[:1] == y[:1]:
            print(repr(x), repr(y), r)

for ch in ["a", " ", "\t", "é", "ab", "", "\n", "z", "€"]:
    print(repr(ch), ch in " \t\n\r", ch in "abc", ch in "", ch in "x" * 40 + "z", ch in "é€")
try:
    print(1 in "abc")
except TypeError as e:
    print("TypeError:", e)

for s in ["", "abc", "héllo", "€uro", "😀x", "a" * 1000]:
    print(len(s), s[0] if s else None, s[-1] if s else None)
    for i in (-len(s) - 1, -1, 0, len(s) - 1, len(s)):
        try:
            print(i, repr(s[i]), s[i] is s[i])
        except IndexError as e:
            print(i, "IndexError:", e)

class S(str):
    def __len__(self):
        return 99
    def __eq__(self, other):
        return "eq called"
    def __lt__(self, other):
        return "lt called"
    def __contains__(self, x):
        return x == "q"
    def __getitem__(self, i):
        return "item %r" % (i,)
    __hash__ = str.__hash__

s = S("abc")
print(len(s), s == "abc", "abc" == s, s < "b", s[0], "q" in s, "a" in s)
print(len(str(s)), str(s) == "abc")

code = "d"
print(code == string.ascii_lowercase[3], "d" == chr(100))
print(sorted(["b", "a", "é", "c", "B"]), min("zyx"), max(["a", "ab"]))
