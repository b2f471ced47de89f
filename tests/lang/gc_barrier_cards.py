# Big old lists and dicts (their item buffers and keys blocks are large
# objects, remembered by card) whose middle slots are replaced by young
# objects across many collections, then read back: a dirty card that a
# minor collection missed would free a value still held.


def churn(n):
    # garbage enough for a minor collection or two, in few allocations
    keep = None
    for i in range(n):
        keep = [i] * 200
    return keep


N = 20000
big = [i for i in range(N)]
table = {i: i for i in range(N // 3)}
churn(1000)  # both are old now

for r in range(16):
    for j in range(12):
        i = (r * 7919 + j * 104729) % N
        big[i] = ["L", r, i, "v%d" % (i * 3 + r)]  # the compiled inline store
        big[-1 - i] = ("T", r, i)  # a negative index
        k = (r * 131 + j * 7717) % (N // 3)
        table[k] = ["D", r, k, str(k * 5 + r)]  # an existing key: the value slot
        table[N + r * 100 + j] = ("new", r, j)  # a new key: key and value slots
    big.append(["A", r, "tail%d" % r])
    churn(300)

total = 0
for x in big:
    if isinstance(x, list):
        assert x[3] == "v%d" % (x[2] * 3 + x[1]) if x[0] == "L" else x[2] == "tail%d" % x[1], x
        total += x[1] + len(x[-1])
    elif isinstance(x, tuple):
        assert x[0] == "T", x
        total += x[1] * 3 + x[2] % 7
    else:
        total += x % 11
print(len(big), total)

dtotal = 0
for k, v in table.items():
    if isinstance(v, list):
        assert v[0] == "D" and v[2] == k and v[3] == str(k * 5 + v[1]), (k, v)
        dtotal += v[1] + len(v[3])
    elif isinstance(v, tuple):
        assert v[0] == "new" and k == N + v[1] * 100 + v[2], (k, v)
        dtotal += v[1] + v[2]
    else:
        dtotal += v % 13
print(len(table), dtotal)
