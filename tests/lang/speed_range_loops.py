# for over range(): small-int bounds are read inline, anything else goes
# through range()'s own checks; leaving the loop early closes nothing.
class I:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        print("index", self.n)
        return self.n


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen closed")


def run():
    out = []
    for args in [(5,), (0,), (-3,), (2, 9, 3), (9, 2, -3), (5, 5), (-5, 5, 4), (3, -3, -1),
                 (2 ** 62 - 3, 2 ** 62 + 1), (-2 ** 62 - 1, -2 ** 62 + 2), (True, 4), (0, 10, True)]:
        acc = []
        if len(args) == 1:
            for i in range(args[0]):
                acc.append(i)
        elif len(args) == 2:
            for i in range(args[0], args[1]):
                acc.append(i)
        else:
            for i in range(args[0], args[1], args[2]):
                acc.append(i)
        out.append(acc)
    acc = []
    for i in range(I(1), I(4)):
        acc.append(i)
    out.append(acc)
    for bad in [(1, 2, 0), (1.5,), ("a", 3), (0, 4, 0.5)]:
        try:
            for i in range(*bad):
                pass
        except (TypeError, ValueError) as e:
            out.append("%s: %s" % (type(e).__name__, e))
    n = 0
    for i in range(10 ** 9):
        if i == 7:
            break
        n += i
    out.append(n)
    for x in gen():
        break
    out.append("after gen")
    for i in range(3):
        for j in range(100):
            if j > i:
                break
        else:
            out.append("no break")
        out.append((i, j))
    return out


for x in run():
    print(x)
