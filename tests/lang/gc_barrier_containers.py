# Write barriers of the containers: dicts, sets, lists and tuples made
# early (old after the first collections) that get fresh values stored
# into them by runtime methods that allocate between their stores. Run
# with AITHON_GC_STRESS=1 to have the collector check every old object
# before each minor collection.

old_list = [0, 1, 2, 3, 4, 5, 6, 7]
old_dict = {"a": 1, "b": 2}
old_set = {1, 2, 3}
old_tuple_holder = [()] * 8
old_nested = {"lists": [[], [], []], "sets": [set(), set()], "dicts": [{}, {}]}
old_items = []


def fresh(i):
    return "v%d" % i


# ---- dict methods ----
for i in range(60):
    k = "k%d" % (i % 13)
    old_dict[k] = fresh(i)
    old_dict.setdefault("s%d" % (i % 7), [fresh(i)])
    old_dict.setdefault("s%d" % (i % 7), [fresh(i + 1)]).append(fresh(i + 2))
    if i % 5 == 0:
        old_dict.pop(k, None)
    if i % 11 == 0 and old_dict:
        old_items.append(old_dict.popitem())
    old_dict.update({fresh(i * 2): (i, fresh(i)), "u": [i]})
    old_dict.update([(fresh(i * 3), i), ("p", fresh(i))])
    old_dict.update(kw=fresh(i), other=str(i * 7))
    old_dict |= {"or%d" % (i % 3): fresh(i)}
    d2 = old_dict | {"x": fresh(i)}
    old_nested["dicts"][i % 2] = d2.copy()
    if len(old_dict) > 40:
        for kk in list(old_dict)[:20]:
            del old_dict[kk]
print(sorted(old_dict.items(), key=lambda kv: kv[0])[:6])
print(old_items)
print(len(old_nested["dicts"][0]), len(old_nested["dicts"][1]))
fk = dict.fromkeys([fresh(i) for i in range(10)], "z")
fk2 = dict.fromkeys(range(5))
old_nested["fk"] = (fk, fk2)
print(fk, fk2)
print(list(old_dict.keys())[:4], list(old_dict.values())[:2])
print([(k, v) for k, v in old_dict.items()][:3])
print(list(reversed(old_dict))[:3])
dc = dict(a=fresh(1), b=fresh(2))
dc2 = dict([(fresh(3), 3), (fresh(4), 4)], c=fresh(5))
dc3 = dict(zip([fresh(i) for i in range(4)], range(4)))
print(dc, dc2, dc3)

# dict views: set operations make sets
kv = old_dict.keys() & {"u", "p", "kw", "zz"}
iv = {"u": (0,), "p": "q"}.items() | {("n", 1)}
print(sorted(kv), len(iv))
print(sorted(old_dict.keys() - {"u"})[:3], sorted({"a": 1}.keys() ^ {"b"}))
print(sorted({"a": 1, "b": 2}.items() ^ {"b": 2, "c": 3}.items()))

# ---- sets ----
for i in range(60):
    old_set.add(fresh(i))
    old_set.add((i, fresh(i)))
    old_set |= {fresh(i + 100), frozenset([i, fresh(i)])}
    old_set.update([fresh(i + 200)], (fresh(i + 300),))
    if i % 3 == 0:
        old_set.discard(fresh(i - 3))
        old_set -= {fresh(i + 100)}
    if i % 7 == 0:
        old_set ^= {fresh(i + 400), 1}
    s2 = old_set & {fresh(i), fresh(i + 200), 2, 3}
    old_nested["sets"][i % 2] = s2 | {i}
    if len(old_set) > 80:
        old_set &= set(list(sorted(old_set, key=str))[:30])
print(len(old_set), sorted(old_nested["sets"][0], key=str), sorted(old_nested["sets"][1], key=str))
ss = set()
for i in range(50):
    ss.add(str(i))
ss.intersection_update({str(i) for i in range(0, 50, 3)})
ss.difference_update([str(i) for i in range(0, 50, 9)])
ss.symmetric_difference_update({"x", "3"})
print(sorted(ss))
print(sorted(ss.union({"a"}, ["b"])), sorted(ss.intersection(["6", "12", "x"])))
print(sorted(ss.difference(["6"]))[:3], sorted(ss.symmetric_difference(["6", "q"]))[:3])
fz = frozenset(fresh(i) for i in range(6))
print(sorted(fz | {"a"}), sorted(fz & {"v1", "v2"}), ss.pop() in ss)

# ---- lists ----
for i in range(60):
    old_list.append(fresh(i))
    old_list.extend([fresh(i), (i, fresh(i))])
    old_list.extend(fresh(j) for j in range(2))
    old_list.extend(range(i, i + 2))
    old_list += [fresh(i + 1)]
    old_list += (fresh(i + 2),)
    old_list.insert(i % 5, fresh(i + 3))
    old_list.insert(-1, [fresh(i)])
    old_list[0] = fresh(i + 4)
    old_list[-1] = (fresh(i + 5),)
    old_list[1:3] = [fresh(i + 6), fresh(i + 7), fresh(i + 8)]
    old_list[2:4] = (fresh(j) for j in range(3))
    old_list[::5] = [fresh(j) for j in range(len(old_list[::5]))]
    if len(old_list) > 90:
        del old_list[10:60]
        old_list.remove(old_list[3])
        old_list.pop(5)
        old_list.pop()
    old_nested["lists"][i % 3] = old_list[i % 7::3]
print(len(old_list), old_list[:6], old_list[-3:])
print([len(x) for x in old_nested["lists"]])
m = [fresh(1), fresh(2)]
m *= 3
m2 = m * 2
print(m, len(m2))
keyed = [fresh(i * 7 % 23) for i in range(40)]
keyed.sort(key=lambda s: (len(s), s[::-1]))
old_nested["sorted"] = keyed
print(keyed[:5])
keyed.sort(key=str.upper, reverse=True)
print(keyed[:3])
keyed.reverse()
print(keyed[:3], keyed.index(keyed[4]), keyed.count(keyed[0]))

# ---- tuples and the builtins that make them ----
for i in range(40):
    old_tuple_holder[i % 8] = tuple(fresh(j) for j in range(i % 4))
    old_tuple_holder[(i + 1) % 8] = divmod(i * 10**20, 7)
    old_tuple_holder[(i + 2) % 8] = divmod(i + 0.5, 3)
    old_tuple_holder[(i + 3) % 8] = tuple([fresh(i), i]) + (fresh(i + 1),)
    old_tuple_holder[(i + 4) % 8] = (fresh(i),) * 3
print(old_tuple_holder)
zs = []
for i in range(5):
    zs.append(list(zip([fresh(j) for j in range(3)], range(10**18, 10**18 + 3), "abc")))
    zs.append(list(enumerate([fresh(j) for j in range(3)], 10**19)))
    zs.append(list(map(lambda a, b: a + b, [fresh(j) for j in range(3)], ["x", "y", "z"])))
    zs.append(list(filter(None, [fresh(j) if j % 2 else "" for j in range(5)])))
    zs.append(list(reversed([fresh(j) for j in range(3)])))
    zs.append(list(range(10**19, 10**19 + 3)))
    zs.append(list(reversed(range(10**19, 10**19 + 30, 10))))
    zs.append(sorted([fresh(j) for j in range(5)], key=lambda s: -len(s), reverse=True))
print(zs[-8:])
it_state = iter([fresh(i) for i in range(6)])
en = enumerate(it_state, 2**70)
z = zip(en, map(str, range(100)))
keep_iters = [z]
out = []
for i in range(3):
    junk = [fresh(j) for j in range(10)]
    out.append(next(keep_iters[0]))
print(out, list(keep_iters[0]))
calls = [0]


def counter():
    calls[0] += 1
    return fresh(calls[0] % 5)


print(list(iter(counter, "v0")))
print(min([fresh(i) for i in range(9)], key=lambda s: s[::-1]), max(fresh(3), fresh(12), key=len))
print(sum([[i] for i in range(5)], []), sum(x * 1.5 for x in range(10)))

# ---- comprehensions, nested, with unpacking ----
nest = [[(a, fresh(b)) for b in range(3)] for a in range(4)]
dnest = {fresh(a): {fresh(b): [a, b] for b in range(2)} for a in range(3)}
snest = {(a, fresh(a)) for a in range(4)}
first, *middle, last = [fresh(i) for i in range(6)]
(p, q), r = (fresh(1), fresh(2)), fresh(3)
old_nested["comp"] = (nest, dnest, sorted(snest), first, middle, last, p, q, r)
print(old_nested["comp"])
print(sorted(old_nested.keys()))
