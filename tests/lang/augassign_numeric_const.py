# x += <number> on a local that may hold anything: no in-place str
# append is possible, and every type's += still behaves as CPython's.
def step(x):
    x += 2
    return x


def run():
    d = 3
    while d * d <= 50:
        d += 2
    s = "ab"
    try:
        s += 1
    except TypeError as e:
        print("TypeError", e)
    f = 1.5
    f += 2
    big = 2 ** 62
    big += 2 ** 62
    lst = [1]
    try:
        lst += 1
    except TypeError as e:
        print("TypeError", e)
    print(d, f, big, step(10), step(1.25), step(True))


run()
