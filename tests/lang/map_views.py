# Dict views: live windows on a dict, set operations on keys and items,
# reversed(), comparisons with sets, and mutation while iterating.

inventory = {"apples": 3, "pears": 0, "plums": 7, "figs": 2}
keys, values, items = inventory.keys(), inventory.values(), inventory.items()
print(keys)
print(values)
print(items)
print(len(keys), "plums" in keys, 7 in values, ("figs", 2) in items, ("figs", 3) in items)

inventory["kiwis"] = 5
del inventory["pears"]
print(keys, len(values))
print(list(reversed(inventory)), list(reversed(values)))
print(list(reversed(items))[0])

ranks = {3: "c", 1: "a", 2: "b"}
other = {2: "b", 3: "x", 4: "d"}
print(ranks.keys() & other.keys(), ranks.keys() | other.keys())
print(ranks.keys() - other.keys(), ranks.keys() ^ other.keys())
print(sorted(ranks.items() & other.items()), sorted(ranks.items() - other.items()))
print(ranks.keys() == {1, 2, 3}, ranks.keys() <= {1, 2, 3, 4}, ranks.keys() > {1})
print(ranks.keys() & [2, 3, 9], [0, 1] | ranks.keys())
print(ranks.keys().isdisjoint([7, 8]), ranks.items().isdisjoint(other.items()))
print(ranks.values() == ranks.values(), ranks.items() == {(1, "a"), (2, "b"), (3, "c")})

# sums and filters over views
totals = {"north": [3, 4], "south": [10], "east": [], "west": [1, 1, 1]}
print({k: sum(v) for k, v in totals.items()})
print([k for k, v in totals.items() if not v], max(totals.values(), key=len))

# iterating over a copy while changing the dict
stock = {"a": 0, "b": 2, "c": 0, "d": 4}
for name in list(stock):
    if stock[name] == 0:
        del stock[name]
print(stock)
for name, n in stock.copy().items():
    stock[name.upper()] = n * 10
print(stock)

# changing the dict's size during iteration is an error
try:
    for name in stock:
        stock[name + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(stock))

counts = {1: 1, 2: 2, 3: 3}
try:
    for k in counts.values():
        counts.pop(3, None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(counts)
