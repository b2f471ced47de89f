# match: literal, singleton, value, capture and wildcard patterns, guards.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Limits:
    LOW = 10
    HIGH = 100


def http_status(code):
    match code:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302:
            return "redirect"
        case 404:
            return "not found"
        case -1:
            return "no response"
        case 418:
            return "I'm a teapot"
        case Limits.LOW:
            return "low limit"
        case n if n >= 500:
            return f"server error {n}"
        case _:
            return "unknown"


for c in [200, 204, 302, 404, -1, 418, 10, 503, 7, 2**70]:
    print(c, http_status(c))


def describe(v):
    match v:
        case None:
            return "nothing"
        case True:
            return "yes"
        case False:
            return "no"
        case 0:
            return "zero (an int, not False)"
        case 1.5:
            return "one and a half"
        case "hello" | "hi":
            return "a greeting"
        case b"\x00":
            return "a NUL byte"
        case "":
            return "empty string"
        case Color.RED:
            return "red"
        case Color.GREEN | Color.BLUE as c:
            return f"cool colour {c.name}"
        case 1180591620717411303424:
            return "two to the seventy"
        case other:
            return f"something else: {other!r}"


for v in [None, True, False, 0, 0.0, 1, 1.0, 1.5, "hi", "hello", b"\x00", "", "é",
          Color.RED, Color.BLUE, 2**70, [1]]:
    print(repr(v), "->", describe(v))

# A guard sees the names its pattern bound; when it fails they stay bound.
for pair in [(1, 2), (5, 3)]:
    match pair:
        case (a, b) if a > b:
            print("descending", a, b)
        case _:
            print("not descending; a and b are still", a, b)

# Equality goes through __eq__, with the subject on the left.
class Anything:
    def __eq__(self, other):
        print("  Anything.__eq__", other)
        return True


match Anything():
    case 42:
        print("42 matched through __eq__")
