# CPython 3.11's error location markers under traceback lines: ^ under a
# call, an attribute, a failing method look-up; ~~^~~ for operators and
# subscripts (operator, brackets); none when the span is the whole line;
# multi-line expressions, unpacking targets, augmented assignments,
# non-ASCII text before the span.
import traceback


class Box:
    def __init__(self):
        self.items = {}

    def get(self, key):
        return self.items[key] * 2


def divide(a, b):
    return (a)   // b


cases = [
    lambda: divide(1, 0) + 1,
    lambda: Box().get("k"),
    lambda: None.attribute,
    lambda: "a,b".split(",").upper(),
    lambda: [1, 2][5],
    lambda: {"naïve": 1}["ñ"] + 0,
    lambda: 2 ** "x",
]
for case in cases:
    try:
        case()
    except Exception:
        traceback.print_exc()


def unpack(pairs):
    for a, b in pairs:
        yield a + b


def augment(d):
    d["count"] += 1


for fn, arg in [(lambda p: list(unpack(p)), [(1, 2), (3,)]), (augment, {})]:
    try:
        fn(arg)
    except Exception:
        traceback.print_exc()

total = divide(
    10,
    0,
)
