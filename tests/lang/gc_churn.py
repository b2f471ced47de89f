# The collector under churn: loops that build and drop lists, dicts,
# tuples, strings, floats and instances while a few long-lived structures
# must survive every collection intact. Enough is allocated to run many
# collections (each round makes about a MiB of garbage; sizes are kept
# small enough for AITHON_GC_STRESS=1, where every allocation collects).


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


def make_table(n):
    table = {}
    for i in range(n):
        table["k" + str(i)] = (i, float(i) / 4, [i, str(i)])
    return table


def check_table(table, n):
    ok = len(table) == n
    for i in range(0, n, 37):
        v = table["k" + str(i)]
        ok = ok and v[0] == i and v[1] == i / 4 and v[2] == [i, str(i)]
    return ok


keep = make_table(200)
points = [Point(i, -i) for i in range(100)]
total = 0.0
acc = 0
for rnd in range(3):
    for i in range(600):
        l = [i, i + 1, i * 0.5]
        d = {"a": l, "b": (i, str(i))}
        p = Point(i * 0.25, d["b"][0])
        total += p.norm2() + l[2]
        s = "-".join([str(x) for x in l])
        acc += len(s)
    print(rnd, check_table(keep, 200), round(total, 1), acc)

print(sum(p.norm2() for p in points))

# Strings built piece by piece, the pieces dropped.
parts = []
for i in range(600):
    parts.append(("%05d" % i) * 3)
text = "".join(parts)
print(len(text), text[:20], text[-15:])

# Sorting with a key function while garbage is made (keys live in the
# sort's own buffer).
words = [str(i * 7919 % 10007) for i in range(500)]
ordered = sorted(words, key=lambda w: (len(w), w[::-1]))
print(ordered[:5], ordered[-3:])
words.sort(key=lambda w: -int(w))
print(words[:3])

# Nested containers that only exist inside other containers.
nest = []
for i in range(200):
    nest.append({"id": i, "tags": {str(i % 7), str(i % 11)}, "pt": Point(i, i)})
print(sum(len(e["tags"]) for e in nest), nest[199]["pt"].norm2())

# Floats boxed by the inline nursery path, kept in a list.
fl = []
x = 0.0
for i in range(5000):
    x = x * 0.5 + 1.25
    if i % 1000 == 0:
        fl.append(x)
print(len(fl), fl[0], fl[-1])
