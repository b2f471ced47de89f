# generators and sorting: generator pipelines feeding sorted(), min() and
# max() with tuple keys, and list.sort with a key function.
import sys


def lcg(seed, n):
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        yield seed


def records(n):
    for i, v in enumerate(lcg(42, n)):
        yield (v % 1000, -(v % 97), i)


def evens(it):
    for r in it:
        if r[0] % 2 == 0:
            yield r


def main(n):
    total = 0
    for rnd in range(3):
        data = list(records(n))
        s = sorted(data)
        total += s[0][2] + s[-1][2]
        e = sorted(evens(iter(data)), key=lambda r: (r[1], r[0]))
        total += e[len(e) // 2][2]
        total += min(data)[2] + max(data)[2]
        words = [str(r[0]) + "x" for r in data[:n // 4]]
        words.sort(key=len)
        total += len(words[-1])
        total += sum(x for x, _, _ in data if x > 500)
    print(total)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 150000)
