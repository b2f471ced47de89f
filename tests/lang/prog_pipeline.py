# Data pipeline with generators, itertools-like helpers and a class-based iterator.
def read_records(lines):
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, qty, price = line.split(",")
        yield lineno, name.strip(), int(qty), float(price)


def batched(it, n):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


class Window:
    def __init__(self, data, size):
        self.data = data
        self.size = size

    def __iter__(self):
        for i in range(len(self.data) - self.size + 1):
            yield tuple(self.data[i:i + self.size])


raw = """# name, qty, price
apple, 3, 0.5
pear, 10, 0.25

plum, 7, 1.10
fig, 2, 3.00
kiwi, 5, 0.80
"""
records = list(read_records(raw.splitlines()))
print(records[0], len(records))
for batch in batched((r[1] for r in records), 2):
    print(batch)
costs = [q * p for _, _, q, p in records]
print([f"{c:.2f}" for c in costs], f"{sum(costs):.2f}")
print(list(Window([1, 2, 3, 4, 5], 3)))
print(sum(1 for _ in Window(list(range(10)), 4)))
gen = (r for r in records if r[2] > 3)
first = next(gen)
print(first[1], [r[1] for r in gen])
def running_total(values):
    total = 0
    for v in values:
        total += v
        yield total
print(list(running_total(range(1, 6))), list(zip("abc", running_total([1, 2, 3]))))
stack = []
for ch in "(a[b]{c})":
    if ch in "([{":
        stack.append(ch)
    elif ch in ")]}":
        opener = stack.pop()
        print(opener + ch, end=" ")
print(not stack)
