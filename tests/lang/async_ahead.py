# Isolated tasks evaluated ahead of their slots (runtime/asyncio/ahead.c):
# trees of gathered coroutines, sleep(0) steps, output, failures and
# cancellation must land exactly where CPython puts them, next to tasks
# that print at every iteration.
import asyncio


async def tree(depth, fan):
    if depth == 0:
        return 1
    parts = await asyncio.gather(*[tree(depth - 1, fan) for _ in range(fan)])
    return sum(parts) + 1


async def lopsided(n):
    # children of different depths finish at different iterations
    if n <= 1:
        return n
    a, b = await asyncio.gather(lopsided(n - 1), lopsided(n - 2))
    return a + b


async def steps(name, n):
    # prints at its own iterations (the task's body, not a child)
    total = 0
    for i in range(n):
        print(name, "step", i)
        total += await tree(1, 2)
        await asyncio.sleep(0)
    return total


async def boom(depth, msg):
    if depth == 0:
        raise ValueError(msg)
    await asyncio.gather(boom(depth - 1, msg))


async def quick_fail(msg):
    raise KeyError(msg)


async def race():
    # a deep failure and a shallow one: the shallow one finishes first
    await asyncio.gather(boom(3, "deep"), quick_fail("shallow"))


async def race_tie():
    # two failures at the same iteration: the earlier argument wins
    await asyncio.gather(boom(1, "first"), boom(1, "second"))


async def collect():
    return await asyncio.gather(boom(2, "x"), tree(2, 2), quick_fail("y"), return_exceptions=True)


async def survives(n):
    total = 0
    try:
        for i in range(n):
            total += await tree(2, 3)
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("survives: cancelled at total", total)
        return -total
    return total


async def ticker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker("tick", 12))
    print("tree", await asyncio.gather(tree(3, 3), tree(2, 4), lopsided(8)))
    print("steps", await asyncio.gather(steps("A", 3), steps("B", 2)))
    await t

    t = asyncio.create_task(ticker("tock", 10))
    for coro in (race(), race_tie()):
        try:
            await asyncio.create_task(coro)
        except Exception as e:
            print("failed:", type(e).__name__, e)
    print("collected:", [repr(x) for x in await asyncio.create_task(collect())])
    await t

    # names: tasks made after the trees count the trees' tasks
    print(asyncio.create_task(tree(1, 1)).get_name())
    await asyncio.sleep(0)
    w = asyncio.create_task(tree(4, 2))
    await asyncio.sleep(0)
    print("made meanwhile:", asyncio.create_task(ticker("x", 0)).get_name())
    print("tree(4, 2) =", await w)

    # cancelled while its replay is under way
    s = asyncio.create_task(survives(5))
    for _ in range(4):
        await asyncio.sleep(0)
    print("cancel:", s.cancel())
    print("survives ->", await s, s.cancelled())

    # seen from outside while it runs: tasks, repr
    s = asyncio.create_task(survives(3))
    await asyncio.sleep(0)
    print("pending tasks:", len(asyncio.all_tasks()))
    print("survives ->", await s)


asyncio.run(main())
