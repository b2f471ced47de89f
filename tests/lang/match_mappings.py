# match: mapping patterns (literal and value keys, **rest), on dict,
# dict subclasses and collections.abc.Mapping classes (looked up with get).
import collections
from collections.abc import Mapping


class Keys:
    ID = "id"


def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **mods} if mods:
            return f"key {k} with {sorted(mods)}"
        case {"type": "key", "key": k}:
            return f"key {k}"
        case {Keys.ID: n, **rest}:
            return f"event #{n}, other fields {rest}"
        case {}:
            return "some other mapping"
        case _:
            return "not a mapping"


events = [
    {"type": "click", "pos": (3, 4)},
    {"type": "click", "pos": (3, 4, 5)},
    {"type": "key", "key": "a", "shift": True, "ctrl": False},
    {"type": "key", "key": "b"},
    {"type": "key", "key": 66},
    {"id": 7, "type": "scroll", "dy": -1},
    {},
    [("type", "click")],
    "type",
]
for ev in events:
    print(handle(ev))

# Numeric keys, negative keys, None keys.
match {0: "zero", -1: "minus one", None: "none"}:
    case {-1: m, None: n}:
        print(m, n)

# **rest is a new dict without the matched keys; the subject is unchanged.
d = {"a": 1, "b": 2, "c": 3}
match d:
    case {"a": 1, **rest}:
        rest["z"] = 26
        print(rest, d)


class Config(Mapping):
    def __init__(self, **kw):
        self._kw = kw

    def __getitem__(self, k):
        return self._kw[k]

    def __iter__(self):
        return iter(self._kw)

    def __len__(self):
        return len(self._kw)


match Config(host="localhost", port=8080, debug=True):
    case {"host": h, "port": int(p), **others}:
        print("config", h, p, others)


class Tracing(dict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)


match Tracing(a=1, b=2):
    case {"a": 1, "b": b}:
        print("traced", b)

counts = collections.defaultdict(int, apples=3)
match counts:
    case {"pears": n}:
        print("no: defaultdict's default is not used", n)
    case {"apples": n}:
        print("apples", n, dict(counts))

match collections.Counter("hello"):
    case {"l": 2, "o": o}:
        print("counter", o)
