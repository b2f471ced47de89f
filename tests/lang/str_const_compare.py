# `x == "literal"` and `x != "literal"` in conditions: exact strs compared
# directly, everything else through the generic comparison.

class Loud(str):
    def __eq__(self, other):
        print("Loud.__eq__", repr(other))
        return True

    def __ne__(self, other):
        print("Loud.__ne__", repr(other))
        return False

    __hash__ = str.__hash__


class Other:
    def __eq__(self, other):
        return "other-eq:" + str(other)

    def __ne__(self, other):
        return ""


def classify(ch):
    if ch == " ":
        return "space"
    if ch != "x":
        if "(" == ch:
            return "open"
        return "not x"
    return "x"


def count(text):
    n = 0
    for ch in text:
        if ch == "a" or ch == "é":
            n += 1
        if "b" != ch:
            continue
        n += 100
    return n


values = [" ", "x", "(", "y", "", "  ", "é", 1, 1.0, None, b" ", Loud("q"), Other(), ("a",)]
for v in values:
    print(type(v).__name__, repr(v) if not isinstance(v, Other) else "Other()", classify(v))
print(count("abracadabra éé b"))
print(count(["a", "b", Loud("z")]))

# chains with a literal in the middle
for s in ["a", "b", Loud("c")]:
    if "a" == s == "a":
        print("chain eq", repr(s))
    if s != "a" != "b":
        print("chain ne", repr(s))

# the same literal object and a computed equal string
lit = "hello"
computed = "".join(["hel", "lo"])
if computed == "hello" and lit == "hello":
    print("equal by content and by identity")
if computed != "hello!":
    print("differs")
