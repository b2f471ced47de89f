# Generators and the collector: a suspended generator's frames (on its
# own stack) hold the only references to values made inside it; many
# generators are suspended at once, some are abandoned half-way (their
# stacks are given back when they are collected), and generators are
# resumed from inside other generators while collections happen.


def counter(tag, n):
    local = [tag] * 3          # only this frame refers to it
    text = tag + "!" * 5
    for i in range(n):
        junk = [str(j) for j in range(20)]   # garbage between yields
        yield (i, local[i % 3], text, len(junk))


gens = [counter("g" + str(k), 40) for k in range(50)]
firsts = [next(g) for g in gens]
total = 0
for step in range(20):
    for g in gens:
        i, tag, text, n = next(g)
        total += i + len(tag) + len(text) + n
print(firsts[0], firsts[-1], total)

# Abandoned generators: started, never finished, dropped.
made = 0
for k in range(400):
    g = counter("x", 100)
    next(g)
    next(g)
    made += 1
print("abandoned", made)


def chain(depth):
    if depth == 0:
        for i in range(5):
            yield [i] * 10
    else:
        for item in chain(depth - 1):
            yield item + [depth]


for item in chain(20):
    pass
print(len(item), item[-3:])


def pipeline(n):
    squares = (i * i for i in range(n))
    evens = (s for s in squares if s % 2 == 0)
    labels = ("v" + str(e) for e in evens)
    return list(labels)


res = pipeline(6000)
print(len(res), res[:3], res[-1])


def accumulate():
    state = {"sum": 0, "log": []}
    while True:
        x = yield state["sum"]
        if x is None:
            break
        state["sum"] += x
        state["log"].append(str(x) * 3)


acc = accumulate()
next(acc)
for v in range(2000):
    acc.send(v)
print(acc.send(0))
