# Asynchronous generator expressions: `async for` in any of their
# generators or `await` in them makes an async generator, whose first
# iterable's __aiter__ is called where the expression is evaluated.
import asyncio


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        print("aiter called")
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def dbl(x):
    await asyncio.sleep(0)
    return x * 2


async def main():
    g = (x * 10 async for x in agen(4) if x % 2 == 0)
    print(type(g).__name__, g.__name__, g.__qualname__)
    print([y async for y in g])
    try:
        t = (v for v in Ticker(3))     # a plain generator: iter() at once
    except TypeError as exc:
        print(exc)
    t = (v async for v in Ticker(3))
    print("made")
    print(await anext(t), await anext(t))
    print([v async for v in t])
    a = (await dbl(x) for x in range(3))
    print(type(a).__name__, [v async for v in a])
    b = ((x, y) async for x in agen(2) for y in "ab")
    print([p async for p in b])
    c = (x + y async for x in agen(2) async for y in agen(3))
    print([p async for p in c])
    d = (await dbl(x) async for x in agen(3))
    total = 0
    async for v in d:
        total += v
    print(total)
    e = (x async for x in agen(5))
    print(await e.__anext__())
    await e.aclose()
    try:
        await e.__anext__()
    except StopAsyncIteration:
        print("closed")
    f = (1 / x async for x in agen(2))
    try:
        print([v async for v in f])
    except ZeroDivisionError as exc:
        print("error:", exc)
    print({x async for x in agen(3)}, {x: -x async for x in agen(2)})
    print([await dbl(x) async for x in agen(3) if await dbl(x) > 0])
    print([v async for v in make()])
    nested = ((y async for y in agen(2)) for _ in range(2))
    for g in nested:
        print([v async for v in g])


def make():
    # an asynchronous generator expression in a plain function
    return (x * 3 async for x in agen(3))


asyncio.run(main())
