# match: the TypeErrors and ValueErrors patterns raise at run time, as
# CPython words them, and what names a match leaves bound.


class Listy:
    __match_args__ = ["a"]


class Numbered:
    __match_args__ = (1,)


class One:
    __match_args__ = ("a",)
    a = 1


class Plain:
    pass


class K:
    one = 1
    uno = 1


def case_listy():
    match Listy():
        case Listy(x):
            return x


def case_numbered():
    match Numbered():
        case Numbered(x):
            return x


def case_too_many():
    match One():
        case One(x, y):
            return x


def case_plain():
    match Plain():
        case Plain(x):
            return x


def case_twice():
    match One():
        case One(x, a=y):
            return x


def case_int():
    match 5:
        case int(x, y):
            return x


def case_not_a_type():
    match 5:
        case len():
            return 1


def case_duplicate_key():
    match {1: 2, 3: 4}:
        case {K.one: a, K.uno: b}:
            return a


for f in [case_listy, case_numbered, case_too_many, case_plain, case_twice, case_int,
          case_not_a_type, case_duplicate_key]:
    try:
        print(f.__name__, f())
    except (TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__ + ":", e)

# A pattern that fails binds nothing, even names it captured before failing.
x = "before"
match [1, 2]:
    case [x, 3]:
        print("no")
    case _:
        print("x is still", x)

# A pattern that matched binds its names even when the guard fails.
match {"k": "v"}:
    case {"k": val} if val == "other":
        print("no")
    case _:
        print("val was bound by the failed guard's case:", val)

# An exception inside a pattern (here len()) propagates.
class BadLen(list):
    def __len__(self):
        raise RuntimeError("no length today")


try:
    match BadLen([1]):
        case [a]:
            print("no")
except RuntimeError as e:
    print("RuntimeError:", e)
