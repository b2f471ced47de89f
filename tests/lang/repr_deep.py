# repr() of containers nested deeper than the recursion limit raises
# RecursionError, as in CPython, instead of running for seconds.

def mk(n):
    l = []
    for i in range(n):
        l = [l]
    return l


for n in (990, 996, 997, 998, 999, 3000):
    try:
        s = repr(mk(n))
        print(n, "ok", len(s))
    except RecursionError as e:
        print(n, "RecursionError:", e)
d = {}
for i in range(3000):
    d = {1: d}
try:
    print(len(str(d)))
except RecursionError as e:
    print("dict RecursionError:", e)
t = ()
for i in range(3000):
    t = (t, 1)
try:
    print(len(repr(t)))
except RecursionError as e:
    print("tuple RecursionError:", e)
print(repr(mk(5)))
