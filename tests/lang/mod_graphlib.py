from graphlib import TopologicalSorter, CycleError
graph = {"D": {"B", "C"}, "C": {"A"}, "B": {"A"}}
print(tuple(TopologicalSorter({"D": ["B", "C"], "C": ["A"], "B": ["A"]}).static_order()))
ts = TopologicalSorter()
ts.add(3, 2, 1)
ts.add(1, 0)
ts.add(5)
print(list(ts.static_order()))
deps = {"app": ["lib", "util"], "lib": ["core"], "util": ["core", "log"], "log": [], "test": ["app"]}
ts = TopologicalSorter(deps)
ts.prepare()
step = 0
while ts.is_active():
    ready = ts.get_ready()
    print(step, sorted(ready), bool(ts))
    for n in ready:
        ts.done(n)
    step += 1
for g in [{1: [2], 2: [3], 3: [1]}, {"a": ["b"], "b": ["c"], "c": ["b"]}, {0: [0]}, {1: [2, 3], 3: [4], 4: [1]}]:
    try:
        TopologicalSorter(g).prepare()
    except CycleError as e:
        print(type(e).__name__, e.args, isinstance(e, ValueError), str(e))
ts = TopologicalSorter({1: [0]})
for f in (ts.get_ready, ts.is_active, lambda: ts.done(1)):
    try:
        f()
    except ValueError as e:
        print(e)
ts.prepare()
for f in (ts.prepare, lambda: ts.add(9), lambda: ts.done(7), lambda: ts.done(1)):
    try:
        f()
    except ValueError as e:
        print(e)
print(ts.get_ready())
ts.done(0)
try:
    ts.done(0)
except ValueError as e:
    print(e)
print(ts.get_ready(), TopologicalSorter[int])
