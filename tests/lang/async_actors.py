# Isolated coroutines run as actors; the program still sees CPython's
# schedule: their output, results, exceptions, timers and cancellations
# appear exactly where CPython has them.
import asyncio


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


async def crunch(name, lo, hi):
    print(name, "starts")
    best = max(range(lo, hi), key=collatz_steps)
    print(name, "ends")
    return best, collatz_steps(best)


async def ticker(name, n, delay):
    for i in range(n):
        print(name, "tick", i)
        await asyncio.sleep(delay)
    return name


async def spinner(name):
    i = 0
    try:
        while True:
            print(name, "spin", i)
            i += 1
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(name, "cancelled after", i)
        raise


async def failing(x):
    await asyncio.sleep(0)
    return 10 // x


async def nested(depth):
    if depth == 0:
        return 1
    parts = await asyncio.gather(*(nested(depth - 1) for _ in range(3)))
    return sum(parts) + 1


async def keeps(items):
    # reads its argument only: isolated, works on a copy
    return sorted(items, reverse=True)


async def main():
    print(await asyncio.gather(crunch("a", 1, 3000), crunch("b", 3000, 6000), crunch("c", 6000, 9000)))
    print(await asyncio.gather(ticker("slow", 3, 0.06), ticker("fast", 4, 0.01), ticker("zero", 3, 0)))
    t = asyncio.create_task(spinner("s"))
    for _ in range(3):
        await asyncio.sleep(0)
    print("cancel:", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("spinner cancelled:", t.cancelled())
    try:
        await asyncio.gather(failing(1), failing(0))
    except ZeroDivisionError as e:
        print("caught:", e)
    print(await asyncio.gather(failing(2), failing(0), return_exceptions=True))
    print(await nested(4))
    data = [3, 1, 2]
    r = await asyncio.create_task(keeps(data))
    print(r, data, r is data)
    t = asyncio.create_task(ticker("late", 2, 0.01))
    print(t.done())
    await asyncio.sleep(0)
    print(t.done())
    print(await t, t.done(), t.result())
    try:
        await asyncio.wait_for(ticker("wf", 100, 0.04), timeout=0.1)
    except TimeoutError:
        print("wait_for timed out")
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(crunch(f"g{i}", 1 + 500 * i, 500 * (i + 1))) for i in range(4)]
    print([t.result() for t in ts])


asyncio.run(main())
