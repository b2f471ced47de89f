# Async generators, async for, async with, async comprehensions and
# awaitables with __await__.
import asyncio


async def ticker(n, delay=0):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker finally")


async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except GeneratorExit:
        print("echo closed with", received)
        raise


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        await asyncio.sleep(0)
        return self.suppress


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n


class Later:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return self.v


async def main():
    async for i in ticker(3):
        print("tick", i)
    print([x async for x in ticker(4) if x % 2 == 0])
    print({x: x * x async for x in ticker(3)})
    print([x async for x in Countdown(3)])
    async for v in Countdown(2):
        print("countdown", v)
    g = echo()
    print(await g.asend(None), await g.asend("a"), await g.asend("b"))
    await g.aclose()
    g2 = ticker(5)
    print(await anext(g2), await g2.__anext__())
    await g2.aclose()
    try:
        await anext(g2)
    except StopAsyncIteration:
        print("exhausted")
    print(await anext(ticker(0), "default"))
    async with Resource("r1") as r:
        print("inside", r.name)
    async with Resource("r2", suppress=True):
        raise ValueError("swallowed")
    try:
        async with Resource("r3"), Resource("r4"):
            raise KeyError("k")
    except KeyError as e:
        print("propagated", e)
    print(await Later(42))
    print(await asyncio.gather(Later(1), Later(2)))
    lock = asyncio.Lock()
    print(await asyncio.wait_for(Later("wf"), 1))
    async with lock:
        print([await Later(i) for i in range(3)])


asyncio.run(main())
