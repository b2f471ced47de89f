# `match` and `case` are soft keywords: still ordinary names elsewhere.
import re

match = re.match(r"(\w+)=(\d+)", "width=80")
print(match.group(1), match.group(2))

case = {"upper": str.upper, "lower": str.lower}
print(case["upper"]("shout"))


def match_all(match, case=None):
    return [m for m in match if case is None or m == case]


print(match_all([1, 2, 1], 1))

_ = "underscore is a name outside patterns"
print(_)

match match.groups():
    case (key, value):
        print("parsed", key, value)

match case:
    case {"upper": fn}:
        print("case has upper:", fn("x"))


class match:
    case = "attribute"


print(match.case)
match match.case:
    case "attribute":
        print("matched an attribute subject")

print(type(match()).__name__)
match = 3
print(match)
