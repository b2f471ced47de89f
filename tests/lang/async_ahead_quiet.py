# Isolated tasks evaluated ahead whose iterations print nothing and make
# no tasks keep no event per iteration, only a count of them
# (runtime/asyncio/remote.c, aio_remote.quiet): their results, their
# exceptions, how many loop iterations they take (seen from the order
# in which a shared task's output and their results interleave), and a
# cancellation that arrives while some of their iterations are still to
# be replayed must stay CPython's. Quiet and noisy tasks are mixed.
import asyncio

log = []


async def quiet(i, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    return i * i


async def quiet_fail(i, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    raise ValueError("bad %d" % i)


async def noisy(i):
    print("noisy", i)
    await asyncio.sleep(0)
    print("noisy again", i)
    return -i


async def watch(tasks, rounds):
    for r in range(rounds):
        log.append((r, [t.done() for t in tasks]))
        await asyncio.sleep(0)


async def main():
    tasks = [asyncio.create_task(quiet(i, i % 4)) for i in range(8)]
    tasks.append(asyncio.create_task(noisy(8)))
    tasks.append(asyncio.create_task(quiet_fail(9, 2)))
    tasks.append(asyncio.create_task(quiet_fail(10, 0)))
    w = asyncio.create_task(watch(tasks, 6))
    res = await asyncio.gather(*tasks, return_exceptions=True)
    await w
    print([r if isinstance(r, int) else repr(r) for r in res])
    for entry in log:
        print(entry)

    # cancelled after its first iteration was replayed, before its last
    t = asyncio.create_task(quiet(3, 5))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t.done(), t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())

    # many quiet tasks in a TaskGroup, one of them failing
    try:
        async with asyncio.TaskGroup() as g:
            ts = [g.create_task(quiet(i, 1)) for i in range(200)]
            g.create_task(quiet_fail(7, 1))
    except* ValueError as eg:
        print("group", [repr(e) for e in eg.exceptions])
    print(sum(t.result() for t in ts if not t.cancelled()), sum(t.cancelled() for t in ts))

    async with asyncio.TaskGroup() as g:
        ts = [g.create_task(quiet(i, i % 3)) for i in range(1000)]
    print(sum(t.result() for t in ts))


asyncio.run(main())
