# json.dumps/json.loads: the C fast path (runtime/modules/modjson.c) and
# the Python fallback give the same text, values and errors as CPython.
import json
from collections import OrderedDict
from enum import IntEnum

class Color(IntEnum):
    RED = 1

class MyStr(str):
    pass

class MyDict(dict):
    pass

docs = [
    {"a": 1, "b": [1, 2.5, -0.0, 1e300, 1e-7, 12345678901234567890123, None, True, False]},
    ["plain", "quote\"back\\slash", "ctl\n\r\t\b\f\x01\x1f", "é ü ß", "日本", "😀 \U0001F600", "\x7f"],
    {"nested": {"deep": [[[[{"x": []}]]]], "empty": {}}, "t": (1, 2, (3,))},
    {1: "int key", 2.5: "float key", True: "bool key", None: "none key"},
    [],
    {},
    "just a string",
    42,
    3.14,
    None,
]
for d in docs:
    print(json.dumps(d))
    print(json.dumps(d, ensure_ascii=False))
    print(json.dumps(d, indent=2))
    print(json.dumps(d, indent="\t", separators=(",", ":")))
    print(json.dumps(d, sort_keys=True) if not isinstance(d, dict) or all(isinstance(k, str) for k in d) else "-")

print(json.dumps({"b": 1, "a": 2, "é": 3, "Z": 4}, sort_keys=True, indent=1))
# fallbacks: subclasses, default, errors
print(json.dumps([Color.RED, MyStr("s"), MyDict(k=1), OrderedDict([("z", 1), ("a", 2)])]))
print(json.dumps({"s": {1, 2}}, default=sorted))
class Enc(json.JSONEncoder):
    def default(self, o):
        return repr(o)
print(json.dumps([1, {2, 3}, object.__new__(Color) if False else 2j], cls=Enc))
for bad in ([float("nan"), float("inf"), -float("inf")],):
    print(json.dumps(bad))
    try:
        json.dumps(bad, allow_nan=False)
    except ValueError as e:
        print("ValueError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): 3, "ok": 4}, skipkeys=True))
try:
    json.dumps({1: 2, "a": 3}, sort_keys=True)
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError:", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
deep = []
cur = deep
for _ in range(300):
    cur.append([])
    cur = cur[0]
print(len(json.dumps(deep)))

# decoding
texts = [
    '{"a": 1, "b": [1, 2.5, -0.0, 1e300, 1E-7, 12345678901234567890123, null, true, false]}',
    r'  [ "x\u00e9\n\"\\\/\b\f\r\t", "\ud83d\ude00", "\ud800", "\udc00x", "\ud800\u0041" ]  ',
    '{"k": 1, "k": 2}',
    '[NaN, Infinity, -Infinity, -0, 0.5e2, 1e400]',
    '"caf\u00e9 \u65e5"',
    '[' * 20 + '1' + ']' * 20,
    '{}', '[]', '""', '0', '-1', '1.0',
]
for t in texts:
    v = json.loads(t)
    print(repr(v))
for bad in ['', '[1,]', '{"a" 1}', '[1 2]', '{"a": 1,}', '"abc', '"a\x01"', '[01]', '1e', '-', 'nul',
            '{"a": 1} x', '[1.]', '"\\x"', '"\\u12"', '{1: 2}', '[', '  ', '[1, 2', 'tru', '1' * 5000]:
    try:
        print(repr(json.loads(bad))[:60])
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, e.pos)
    except ValueError as e:
        print("ValueError:", str(e)[:70])
print(json.loads('{"a": 1.5, "b": [2]}', parse_float=str, object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=OrderedDict))
print(json.loads('"a\tb"', strict=False))
print(json.loads(b'[1, "\xc3\xa9"]'))
d = json.JSONDecoder()
print(d.raw_decode('[1, 2] tail'))
deep_text = '[' * 400 + ']' * 400
print(len(repr(json.loads(deep_text))))
round_trip = {"users": [{"id": i, "name": "u%d" % i, "score": i / 7, "tags": ["a", "é"][: i % 3]} for i in range(50)]}
s = json.dumps(round_trip, sort_keys=True, indent=2, ensure_ascii=False)
print(json.loads(s) == round_trip, len(s))
