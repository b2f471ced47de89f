# match: sequence patterns (list and tuple syntax, star captures) and what
# counts as a sequence: list, tuple, range, deque, collections.abc.Sequence
# subclasses and registered classes, but never str, bytes or bytearray.
import collections
from collections.abc import Sequence


def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case (x, y):
            return f"two: {x}, {y}"
        case [first, *middle, last] if len(middle) < 3:
            return f"first {first}, middle {middle}, last {last}"
        case [first, *_, last]:
            return f"long, from {first} to {last}"
        case _:
            return "not a sequence"


for v in [[], [1], (1, 2), [1, 2, 3], (1, 2, 3, 4), list(range(10)), range(3),
          collections.deque("xyz"), "ab", b"ab", bytearray(b"ab"), {1: 2}, {1, 2}, 5]:
    print(repr(v), "->", shape(v))


def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["take", item, *rest]:
            return f"taking {item}" + (f" and {' '.join(rest)}" if rest else "")
        case ["drop", *items] if items:
            return f"dropping {len(items)} things"
        case ["quit" | "exit"]:
            return "bye"
        case [*words]:
            return f"unknown command of {len(words)} words"


for c in ["go north", "go up", "take lamp", "take key and coin", "drop a b c", "drop", "quit", ""]:
    print(repr(c), "->", command(c))

# Nested sequences.
match [(1, 2), [3, [4, 5]]]:
    case [(a, b), [c, [d, e]]]:
        print("nested", a + b + c + d + e)

# A star capture is always a list.
match (1, 2, 3):
    case (head, *tail):
        print(head, tail, type(tail).__name__)


class Window(Sequence):
    """A Sequence subclass: `[a, *_, b]` reads items by index."""

    def __init__(self, data):
        self.data = data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        print("  Window[%r]" % i)
        return self.data[i]


match Window([10, 20, 30, 40]):
    case [first, *_, last]:
        print("window", first, last)

match Window([1, 2]):
    case [a, b]:
        print("window unpacked", a, b)


class Pair:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return ("left", "right")[i]


match Pair():
    case [a, b]:
        print("unregistered: no")
    case _:
        print("Pair is not a sequence until registered")

Sequence.register(Pair)
match Pair():
    case [a, b]:
        print("registered Pair:", a, b)


class MyList(list):
    pass


match MyList([1, 2]):
    case [x, y]:
        print("list subclass", x, y)
