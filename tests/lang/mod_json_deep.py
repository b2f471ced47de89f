# Nesting in json counts toward the recursion limit as in CPython (its C
# scanner and encoder, or its Python encoder with indent or json.dump):
# a deep document or structure raises RecursionError instead of being
# decoded or encoded, at CPython's depth for calls from module level.
# (A low limit keeps the structures small: the test also runs with a
# collection at every allocation.)
import io
import json
import sys

sys.setrecursionlimit(80)


def nest(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


def dnest(n):
    x = {}
    for _ in range(n):
        x = {"a": x}
    return x


for n in range(73, 79):
    res = []
    try:
        json.loads("[" * n + "]" * n)
        res.append("ok")
    except RecursionError as e:
        res.append(str(e))
    try:
        json.loads('{"a": ' * n + "1" + "}" * n)
        res.append("ok")
    except RecursionError as e:
        res.append(str(e))
    try:
        json.loads(('[' * n + ']' * n).encode())
        res.append("ok")
    except RecursionError as e:
        res.append(str(e))
    for obj in [nest(n), dnest(n)]:
        for kw in [{}, {"indent": 1}, {"sort_keys": True}, {"separators": (",", ":")}]:
            try:
                json.dumps(obj, **kw)
                res.append("ok")
            except RecursionError as e:
                res.append(str(e))
        try:
            json.dump(obj, io.StringIO())
            res.append("ok")
        except RecursionError as e:
            res.append(str(e))
    print(n, res)

# far past the limit: an error at once, not a long walk
print(json.loads("[" * 50 + "]" * 50) == nest(49))
for text in ["[" * 100000 + "]" * 100000, '{"k": ' * 100000]:
    try:
        json.loads(text)
    except RecursionError as e:
        print("loads:", e)
try:
    json.dumps(nest(5000))
except RecursionError as e:
    print("dumps:", e)

# a higher limit lets more through, a lower one less
sys.setrecursionlimit(200)
print(len(json.dumps(nest(150))), len(json.loads("[" * 150 + "]" * 150)))
sys.setrecursionlimit(60)
try:
    json.loads("[" * 56 + "]" * 56)
except RecursionError as e:
    print(56, e)
print(json.loads("[" * 55 + "]" * 55) == nest(54))
