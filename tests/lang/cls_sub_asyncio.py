# Subclasses of asyncio's classes: __init__ with super().__init__(base
# arguments), extra state and methods, overridden methods calling the
# base's through super(), the internal _init/_put/_get protocol of Queue,
# reprs with the subclass's name, awaiting a Future subclass.
import asyncio


class ClosableQueue(asyncio.Queue):
    def __init__(self, maxsize=0, *, name="q"):
        super().__init__(maxsize)
        self.name = name
        self.closed = False
        self.seen = 0

    def close(self):
        self.closed = True

    def put_nowait(self, item):
        if self.closed:
            raise RuntimeError(f"{self.name} is closed")
        self.seen += 1
        super().put_nowait(item)

    async def get(self):
        item = await super().get()
        return ("got", item)


class Prio(asyncio.PriorityQueue):
    pass


class Lifo(asyncio.LifoQueue):
    def peek(self):
        item = self.get_nowait()
        self.put_nowait(item)
        return item


class SetQueue(asyncio.Queue):
    # CPython's Queue calls these; a subclass may store items its own way.
    def _init(self, maxsize):
        self._queue = set()

    def _put(self, item):
        self._queue.add(item)

    def _get(self):
        m = min(self._queue)
        self._queue.remove(m)
        return m


class Tagged(asyncio.Queue):
    def _put(self, item):
        super()._put(("tag", item))


class CountingLock(asyncio.Lock):
    def __init__(self):
        super().__init__()
        self.count = 0

    async def acquire(self):
        self.count += 1
        return await super().acquire()


class MyEvent(asyncio.Event):
    def set(self):
        print("setting")
        super().set()


class Sem(asyncio.Semaphore):
    def __init__(self, value, label):
        super().__init__(value)
        self.label = label


class BSem(asyncio.BoundedSemaphore):
    pass


class Cond(asyncio.Condition):
    pass


class ResultFuture(asyncio.Future):
    def __init__(self, *, loop=None, tag="f"):
        super().__init__(loop=loop)
        self.tag = tag
        self.history = []

    def set_result(self, r):
        self.history.append(r)
        super().set_result(r * 2)


class PlainFuture(asyncio.Future):
    pass


async def main():
    q = ClosableQueue(2, name="jobs")
    q.put_nowait(1)
    await q.put(2)
    print(q.qsize(), q.full(), q.seen, q.name, isinstance(q, asyncio.Queue), issubclass(ClosableQueue, asyncio.Queue))
    print(str(q), repr(q).startswith("<ClosableQueue at 0x"))
    print(await q.get(), q.get_nowait())
    q.close()
    try:
        q.put_nowait(3)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")

    async def producer(q):
        for i in range(3):
            await asyncio.sleep(0)
            q.put_nowait(i)
    q2 = ClosableQueue()
    t = asyncio.create_task(producer(q2))
    print([await q2.get() for _ in range(3)])
    await t

    p = Prio()
    for x in (5, 1, 3):
        p.put_nowait(x)
    print(str(p), [p.get_nowait() for _ in range(3)], isinstance(p, asyncio.PriorityQueue))
    lq = Lifo(maxsize=5)
    for x in "abc":
        await lq.put(x)
    print(lq.peek(), lq.qsize(), lq.maxsize, str(lq))

    s = SetQueue()
    for x in (3, 1, 2, 1):
        s.put_nowait(x)
    print(s.qsize(), sorted(s._queue), s.get_nowait(), await s.get(), s.qsize())
    tq = Tagged()
    tq.put_nowait(1)
    print(tq.get_nowait(), tq.empty())

    lock = CountingLock()
    async with lock:
        print(lock.locked(), lock.count, repr(lock).split(" object at ")[0], repr(lock).endswith("[locked]>"))
    await lock.acquire()
    lock.release()
    print(lock.locked(), lock.count, isinstance(lock, asyncio.Lock))

    ev = MyEvent()
    async def waiter():
        await ev.wait()
        return "woken"
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await w, ev.is_set(), repr(ev).split(" object at ")[0])

    sem = Sem(2, "pool")
    async with sem:
        print(sem.label, sem.locked(), repr(sem).endswith("[unlocked, value:1]>"))
    b = BSem(1)
    async with b:
        pass
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    c = Cond()
    async with c:
        c.notify_all()
        print(c.locked(), repr(c).split(" object at ")[0])

    loop = asyncio.get_running_loop()
    f = ResultFuture(loop=loop, tag="r")
    print(repr(f), f.tag, f.done(), isinstance(f, asyncio.Future))
    loop.call_soon(f.set_result, 21)
    print(await f, f.history, repr(f), f.result())
    g = PlainFuture()
    loop.call_later(0.01, g.set_result, "late")
    print(await asyncio.wrap_future(g) if False else await asyncio.ensure_future(g), repr(g))
    fs = [PlainFuture() for _ in range(3)]
    for i, x in enumerate(fs):
        x.set_result(i)
    print(await asyncio.gather(*fs), asyncio.wrap_future(fs[0]) is fs[0])
    h = ResultFuture()
    loop.call_soon(h.set_result, 5)
    done, pending = await asyncio.wait([h])
    print(len(done), len(pending), h.result(), h.history)
    e = PlainFuture()
    e.set_exception(ValueError("bad"))
    try:
        await e
    except ValueError as err:
        print("ValueError:", err, repr(e))
    cf = PlainFuture()
    cf.cancel()
    print(repr(cf), cf.cancelled())
    print(type(loop.create_future()).__name__, type(loop.create_future()) is asyncio.Future)


asyncio.run(main())


async def more():
    try:
        asyncio.wrap_future(1)
    except AssertionError as e:
        print("AssertionError:", e)
    q = Prio(maxsize=1)
    await q.put((2, "b"))
    try:
        q.put_nowait((1, "a"))
    except asyncio.QueueFull:
        print("full", q.qsize())

    # full() decides put_nowait(), empty() get_nowait() and get(), and
    # full() asks qsize(), as in CPython's Queue.
    class Pair(asyncio.Queue):
        def full(self):
            return self.qsize() >= 2

        def empty(self):
            return self.qsize() < 2

    class Tens(asyncio.Queue):
        def qsize(self):
            return super().qsize() * 10

    p = Pair()
    p.put_nowait("a")
    try:
        p.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty with", p.qsize())
    p.put_nowait("b")
    try:
        p.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull with", p.qsize(), p.full(), p.empty())
    print(await p.get(), p.qsize())

    async def feed(q):
        await asyncio.sleep(0)
        q.put_nowait("x")
    t = asyncio.create_task(feed(p))
    print(await p.get(), p.qsize())
    await t
    t10 = Tens(maxsize=5)
    t10.put_nowait(1)
    try:
        t10.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull", t10.qsize(), t10.full(), t10.empty())


asyncio.run(more())
