# Tracebacks through asyncio's own coroutines show CPython's frames of
# asyncio/*.py (sleep, wait_for, as_completed, the queues and the locks),
# as traceback.print_exc() prints them; TimeoutError from timeout() and
# wait_for() is raised `from` the CancelledError.
import asyncio
import traceback


async def bad():
    await asyncio.sleep(0.001)
    raise ValueError('bad')


async def bad0():
    raise ValueError('bad0')


async def sleeper(d):
    await asyncio.sleep(d)


async def waiter(t):
    await asyncio.wait_for(sleeper(1), t)


async def main():
    for d in (0, 0.5):
        t = asyncio.create_task(sleeper(d))
        await asyncio.sleep(0)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            traceback.print_exc()
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        traceback.print_exc()
    for aw in [lambda: asyncio.wait_for(bad(), 1), lambda: asyncio.wait_for(bad0(), 0),
               lambda: asyncio.wait_for(bad(), None), lambda: asyncio.wait_for(sleeper(1), 0.01),
               lambda: asyncio.shield(bad()), lambda: asyncio.gather(bad()),
               lambda: asyncio.create_task(bad())]:
        try:
            await aw()
        except (ValueError, TimeoutError):
            traceback.print_exc()
    for t in (None, 5):
        w = asyncio.create_task(waiter(t))
        await asyncio.sleep(0.01)
        w.cancel()
        try:
            await w
        except asyncio.CancelledError:
            traceback.print_exc()
    for aws, timeout in (([bad(), sleeper(0.1)], None), ([sleeper(1)], 0.01)):
        try:
            for f in asyncio.as_completed(aws, timeout=timeout):
                await f
        except (ValueError, TimeoutError):
            traceback.print_exc()
    q = asyncio.Queue()
    full = asyncio.Queue(1)
    full.put_nowait(0)
    ev = asyncio.Event()
    lock = asyncio.Lock()
    await lock.acquire()
    cond = asyncio.Condition()
    sem = asyncio.Semaphore(0)

    async def cond_wait():
        async with cond:
            await cond.wait()

    async def cond_wait_for():
        async with cond:
            await cond.wait_for(lambda: False)

    async def with_lock():
        async with lock:
            pass

    async def put():
        await full.put(1)

    for aw in [q.get, put, ev.wait, lock.acquire, with_lock, cond_wait, cond_wait_for, sem.acquire, q.join]:
        if aw == q.join:
            q.put_nowait(1)
        t = asyncio.create_task(aw())
        await asyncio.sleep(0)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            traceback.print_exc()


asyncio.run(main())
