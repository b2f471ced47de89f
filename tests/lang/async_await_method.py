# `await o.m(args)`: native coroutine methods run at once (no coroutine
# object), user async methods through the method cache, and every error
# path of the generic await.
import asyncio


class Box:
    def __init__(self, v):
        self.v = v

    async def get(self, extra=0):
        await asyncio.sleep(0)
        return self.v + extra

    def plain(self):
        return 42

    def fut(self):
        f = asyncio.get_running_loop().create_future()
        f.set_result("from future")
        return f

    def raises(self):
        raise ValueError("before any coroutine")


class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return "custom await"


class Holder:
    def make(self):
        return Awaitable()


async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)


async def consumer(q, out):
    while True:
        item = await q.get()
        if item is None:
            return
        out.append(item * item)


async def locked(lock, cond, sem, event, log, name):
    await event.wait()
    await sem.acquire()
    try:
        await lock.acquire()
        try:
            log.append(name)
            await asyncio.sleep(0)
        finally:
            lock.release()
    finally:
        sem.release()
    async with cond:
        cond.notify_all()


async def notify(cond):
    async with cond:
        cond.notify()


async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 6), consumer(q, out))
    print("queue", out)

    lock, cond, sem, event = asyncio.Lock(), asyncio.Condition(), asyncio.Semaphore(2), asyncio.Event()
    log = []
    tasks = [asyncio.create_task(locked(lock, cond, sem, event, log, n)) for n in "abc"]
    await asyncio.sleep(0)
    event.set()
    await asyncio.gather(*tasks)
    print("sync", log)

    async with cond:
        notifier = asyncio.create_task(notify(cond))
        r = await cond.wait()
        await notifier
    print("cond", r)

    print("sleep", await asyncio.sleep(0, result="slept"), await asyncio.sleep(0.001, "pos"))
    b = Box(10)
    print("method", await b.get(), await b.get(extra=5), await b.get(1))
    print("future", await b.fut())
    print("custom", await Holder().make())
    for label, thunk in [("plain", lambda: b.plain()), ("list", lambda: [].copy()),
                         ("raises", lambda: b.raises())]:
        try:
            async def go():
                return await thunk()
            await go()
        except (TypeError, ValueError) as e:
            print(label, type(e).__name__, e)
    try:
        await b.plain()
    except TypeError as e:
        print("direct plain", e)
    try:
        await [1].copy()
    except TypeError as e:
        print("direct list", e)
    try:
        await b.raises()
    except ValueError as e:
        print("direct raises", e)
    try:
        await b.nothing()
    except AttributeError as e:
        print("attr", e)
    q2 = asyncio.Queue()
    try:
        await asyncio.wait_for(q2.get(), 0.001)
    except TimeoutError:
        print("get timed out, queue empty:", q2.empty())
    t = asyncio.create_task(q2.get())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled get", t.cancelled())
    await q2.put("x")
    print("after cancel", await q2.get())


asyncio.run(main())
