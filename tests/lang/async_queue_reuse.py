# Queue.get() keeps the getter future that served it and reuses it for
# its next wait (runtime/asyncio/queues.c). Nothing of that may show:
# cancelled and timed-out gets, several getters on one queue, a getter
# woken but cancelled before it ran, and one queue used by two event
# asyncio.run calls in turn must behave exactly as CPython's fresh
# futures do.
import asyncio


async def relay(inbox, outbox, n):
    got = []
    for _ in range(n):
        x = await inbox.get()
        got.append(x)
        await outbox.put(x + 1)
    return got


async def ring():
    qs = [asyncio.Queue() for _ in range(3)]
    tasks = [asyncio.create_task(relay(qs[i], qs[(i + 1) % 3], 5)) for i in range(3)]
    await qs[0].put(0)
    res = await asyncio.gather(*tasks)
    print("ring", res, qs[0].qsize(), qs[0].get_nowait())


async def timeouts():
    q = asyncio.Queue()
    for i in range(3):
        try:
            await asyncio.wait_for(q.get(), 0.001)
        except asyncio.TimeoutError:
            print("timeout", i, q.qsize(), q)
    q.put_nowait("a")
    print("after timeouts", await q.get(), q)


async def many_getters():
    q = asyncio.Queue()
    order = []

    async def getter(name):
        for _ in range(2):
            order.append((name, await q.get()))

    ts = [asyncio.create_task(getter(n)) for n in "xyz"]
    await asyncio.sleep(0)
    for i in range(6):
        q.put_nowait(i)
        await asyncio.sleep(0)
    await asyncio.gather(*ts)
    print("getters", order)


async def woken_then_cancelled():
    q = asyncio.Queue()
    got = []

    async def g(name):
        try:
            got.append((name, await q.get()))
        except asyncio.CancelledError:
            got.append((name, "cancelled"))
            raise

    a = asyncio.create_task(g("a"))
    b = asyncio.create_task(g("b"))
    await asyncio.sleep(0)
    q.put_nowait(1)      # wakes a's getter
    a.cancel()           # … but a is cancelled before it runs
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    q.put_nowait(2)
    await asyncio.gather(a, b, return_exceptions=True)
    print("woken", got, q.qsize(), a.cancelled(), b.result() if not b.cancelled() else None)
    # the queue still hands out items to a new getter
    q.put_nowait(3)
    print("next", await q.get(), q.empty())


async def wait_once(q):
    return await q.get()


async def second_loop_user(q):
    t = asyncio.create_task(wait_once(q))
    await asyncio.sleep(0)
    q.put_nowait("second loop")
    return await t


async def main():
    await ring()
    await timeouts()
    await many_getters()
    await woken_then_cancelled()


asyncio.run(main())

shared = asyncio.Queue()


async def first_loop_user(q):
    t = asyncio.create_task(wait_once(q))
    await asyncio.sleep(0)
    q.put_nowait("first loop")
    return await t


print(asyncio.run(first_loop_user(shared)))
print(asyncio.run(second_loop_user(asyncio.Queue())))
print(asyncio.run(first_loop_user(asyncio.Queue())))
