# := inside comprehensions binds in the enclosing function (or module, or
# through global/nonlocal), in every kind of comprehension and nesting.
data = [3, 8, 1, 9, 4]
if any((big := x) > 7 for x in data):
    print("first big", big)
vals = [y for x in data if (y := x * 2) > 5]
print(vals, y)
total = 0
sums = [total := total + x for x in data]
print(sums, total)
def f():
    found = [m for w in ["a", "bb", "ccc"] if len(m := w) > 1]
    return found, m
print(f())
def g():
    def inner():
        return [last := i for i in range(3)]
    r = inner()
    return r
print(g())
def h():
    res = [[(z := i * j) for j in range(3)] for i in range(3)]
    return res, z
print(h())
class C:
    vals = [1, 2]
print({k: (v := k * 10) for k in range(3)}, v)
print(sorted({(s := c) for c in "xyz"}), s)
gen = (t := n for n in range(4))
print(list(gen), t)
def counter():
    cnt = 0
    def inc(items):
        nonlocal cnt
        return [cnt := cnt + 1 for _ in items]
    return inc("abc"), cnt
print(counter())
import re
lines = ["a=1", "junk", "b=22"]
print([(m.group(1), m.group(2)) for l in lines if (m := re.match(r"(\w)=(\d+)", l))])
def outer():
    global gw
    [gw := q for q in range(2)]
outer()
print(gw)
while (n := len(data)) > 3:
    data.pop()
print(n, data)
print([p for x in range(10) if (p := x ** 2) % 3 == 0 if p > 0])
