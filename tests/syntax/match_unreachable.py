# expect-error: 8:14: E0101: name capture 'other' makes remaining patterns unreachable
# expect-error: 18:14: E0101: wildcard makes remaining patterns unreachable
# expect-error: 27:14: E0101: name capture 'n' makes remaining patterns unreachable
# expect-error: 34:16: E0101: name capture 'y' makes remaining patterns unreachable
def describe(v):
    match v:
        case 0: return "zero"
        case other:
            return "something else"
        case 1:
            return "one"


def color(v):
    match v:
        case "red" | "green":
            return "warm or fresh"
        case _:
            return "unknown"
        case "blue" if v:
            return "cold"


def nested(v):
    match v:
        case [1, x] | x if x: pass
        case n as m:
            pass
        case None: pass


def alternatives(v):
    match v:
        case [(y | 1)]:
            pass
        case _:
            pass
