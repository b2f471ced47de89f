# Isolated coroutines run as actors in parallel, but their timers must
# fire in the order CPython's one-after-another steps set them: equal
# sleeps wake in the order the tasks started, and a task that computed
# longer before sleeping wakes later (asyncio/loop.c, "Timers").
import asyncio


async def worker(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name


def work(n):
    s = 0
    for i in range(n):
        s += i * i % 7
    return s


async def cruncher(i):
    w = work(20000 * (1 + i % 3))
    await asyncio.sleep(0.01)
    print("cruncher", i, w)
    return i


async def main():
    names = await asyncio.gather(*[worker(f"w{i}", 0.02) for i in range(12)])
    print(names)
    print(await asyncio.gather(*[cruncher(i) for i in range(6)]))
    late = asyncio.create_task(worker("late", 0.01))
    early = asyncio.create_task(worker("early", 0.005))
    await asyncio.wait([late, early])
    print(late.result(), early.result())


asyncio.run(main())
