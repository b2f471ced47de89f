# Functions as values: closures, decorators, generators, default args.
def counter(start=0, step=1):
    value = start

    def tick():
        nonlocal value
        value += step
        return value

    return tick


def memoize(fn):
    cache = {}

    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    return wrapped


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


def naturals():
    n = 0
    while True:
        yield n
        n += 1


t = counter(10, 5)
print(t(), t(), t())
print(fib(80), [fib(i) for i in range(10)])
print(take(5, (n * n for n in naturals() if n % 2)))
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), list(map(inc_then_double, range(4))), list(filter(None, [0, 1, "", "a"])))
def apply_all(*funcs, value):
    for f in funcs:
        value = f(value)
    return value
print(apply_all(abs, str, len, value=-12345))
def describe(**kw):
    return ", ".join(f"{k}={v!r}" for k, v in sorted(kw.items()))
print(describe(b=2, a="x", c=[1]))
