# Slices of exact lists and tuples use a slice that is never allocated;
# every other container gets a real slice object it may keep.
import gc


class Keep(list):
    keys = []

    def __getitem__(self, k):
        Keep.keys.append(k)
        return list.__getitem__(self, k)

    def __setitem__(self, k, v):
        Keep.keys.append(k)
        list.__setitem__(self, k, v)


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        gc.collect()
        return self.n


def run():
    lst = list(range(10))
    tup = tuple(range(10))
    out = [lst[2:5], lst[::-1], lst[-3:], lst[:100], lst[5:2], lst[1:9:3], lst[8:1:-2],
           tup[2:5], tup[::-2], tup[:], lst[2**70:], lst[-2**70:2], lst[Idx(1):Idx(4)],
           tup[Idx(-3):], "abcdef"[1:4], b"xyz"[::-1], range(10)[2:8:2]]
    k = Keep([1, 2, 3, 4])
    out.append(k[1:3])
    out.append(k[::-1])
    k[0:2] = [9, 9, 9]
    out.append(list(k))
    out.append([(s.start, s.stop, s.step) for s in Keep.keys])
    for bad in (lambda: lst[1.5:], lambda: lst[::0], lambda: tup["a":], lambda: lst[None:None:0]):
        try:
            out.append(bad())
        except (TypeError, ValueError) as e:
            out.append("%s: %s" % (type(e).__name__, e))
    # assignments and deletions
    perm = list(range(8))
    for k in range(1, 8):
        perm[:k + 1] = perm[k::-1]
    out.append(perm)
    m = list(range(10))
    m[::2] = "abcde"
    out.append(m)
    try:
        m[::2] = [1, 2]
    except ValueError as e:
        out.append(str(e))
    m[Idx(2):Idx(5)] = []
    del m[::3]
    out.append(m)
    # many slices with collections in between: nothing dangles
    big = list(range(2000))
    acc = 0
    for i in range(300):
        part = big[i:i + 50]
        big[i:i + 2] = big[i + 1:i - 1 if i else None:-1][:2]
        acc += len(part) + part[0]
    out.append(acc)
    out.append(big[:5])
    return out


for x in run():
    print(x)
