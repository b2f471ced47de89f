# Functions only run-once code calls (compiler/runonce.c) are emitted as
# the module's code is: operators call the runtime outside loops, and one
# without a loop is not optimised. Behaviour must not change: values,
# exceptions, tracebacks (the failing line), loops inside them, closures,
# recursion elsewhere.


def helper(a, b):
    x = a * b + 1
    y = x / 2 if x > 3 else x - 1
    s = f"{a}:{b}:{x}:{y}"
    return s, a < b, [a, b][0], {"k": a}["k"] ** 2


def setup(n):
    total = 0
    for i in range(n):          # a loop: its fast paths stay
        total += i * i
    data = [i % 7 for i in range(n)]
    return total, sum(data), helper(n, 2)


def fails(d):
    try:
        return d["missing"]
    except KeyError as e:
        print("caught", repr(e))
    v = 1
    v = v + "x"                 # TypeError, line reported
    return v


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def uses_fib():
    return [fib(k) for k in range(12)]


def make_counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count
    return bump


class Stats:
    def __init__(self, xs):
        self.xs = xs

    def mean(self):
        return sum(self.xs) / len(self.xs)

    def spread(self):
        m = self.mean()
        return max(self.xs) - m, m - min(self.xs)

    def check(self):
        return self.xs[10]       # IndexError, line reported


def main():
    st = Stats([1, 2, 3, 10])
    print(st.mean(), st.spread())
    try:
        st.check()
    except IndexError as e:
        print("IndexError:", e)
    print(helper(3, 4))
    print(setup(10))
    c = make_counter()
    print(c(), c(), c())
    print(uses_fib())
    try:
        fails({})
    except TypeError as e:
        print("TypeError:", e)
    big = 2 ** 64
    print(big * big, big // 3, -big % 7, 7 / 2, 1e308 * 10)
    fails({"x": 1})
    return "not reached"


if __name__ == "__main__":
    print(main())
