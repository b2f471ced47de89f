import json
for s in ['{', '', '[1,]', '{"a" 1}', '{"a":1,}', '"abc', '"a\\x"', '[1 2]', '1 2', 'nul', '"\\ud800"', '{1:2}', '["a\tb"]', '01', '-', '1.5e', '[', '{"a":', 'tru', '"\\u12"', '"\\uzzzz"', '"a\\', ' [1, 2', '{"a":1 "b"', '\ufeff[]', '[1,\n2,\nx]', '{"a": nan}', '[-]', '[1e5, 1E-2, -0, 12.50]', '"\\/"']:
    try: print(repr(json.loads(s)))
    except json.JSONDecodeError as e: print(repr(s), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
print(json.dumps({'a': [1, 2.5, None, True], 'b': 'x\u00e9\n', 'c': {}}), json.dumps([1,2], indent=2), json.dumps({'b':1,'a':2}, sort_keys=True, indent='\t'))
print(json.dumps(float('nan')), json.dumps({1: 2, 2.5: 3, True: 4, None: 5}), json.dumps('\U0001F600'), json.dumps('é', ensure_ascii=False))
try: json.dumps({(1,2): 3})
except TypeError as e: print(e)
try: json.dumps(object())
except TypeError as e: print(e)
a = []; a.append(a)
try: json.dumps(a)
except ValueError as e: print(e)
print(json.dumps([1, {'a': 2}], separators=(',', ':')), json.loads('{"x": [1, 2.0, "s", null, true, false, 1e400, -0.0]}'), json.loads('NaN'), json.loads('"\\u00e9\\n"'))
print(json.dumps({'a': 1}, indent=0), json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([[]], indent=2))
try: json.loads(5)
except TypeError as e: print(e)
print(json.loads(b'[1]'), json.loads('[1.5]', parse_float=str), json.loads('{"a":1}', object_pairs_hook=list))
class Pt:
    def __init__(self, x, y): self.x, self.y = x, y
def enc(o):
    if isinstance(o, Pt): return {'x': o.x, 'y': o.y}
    raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')
print(json.dumps([Pt(1, 2)], default=enc), json.dumps({'z': 1, 'a': [1, {'q': None}]}, indent=4, sort_keys=True))
class MyEnc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({'s': {3, 1, 2}}, cls=MyEnc), json.loads('{"a": {"b": [1, 2]}}', object_hook=lambda d: {k.upper(): v for k, v in d.items()}))
try: json.dumps(float('inf'), allow_nan=False)
except ValueError as e: print(e)
import io
buf = io.StringIO(); json.dump({'k': [1, 2]}, buf, indent=1); print(buf.getvalue()); buf.seek(0); print(json.load(buf))
data = {'users': [{'name': 'ann', 'age': 30, 'tags': ['a', 'b']}, {'name': 'bob', 'age': 25, 'tags': []}], 'total': 2, 'ok': True, 'ratio': 0.1 + 0.2}
text = json.dumps(data, indent=2); print(text); print(json.loads(text) == data)
