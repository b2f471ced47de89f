# asyncio.Queue, PriorityQueue, LifoQueue: blocking get/put, maxsize,
# nowait errors, join/task_done, and who gets which item when.
import asyncio


async def producer(q, name, items):
    for it in items:
        await q.put(it)
        print(name, "put", it, "size", q.qsize())


async def consumer(q, name, out):
    while True:
        it = await q.get()
        if it is None:
            q.task_done()
            return name
        out.append((name, it))
        q.task_done()
        await asyncio.sleep(0)


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), str(q))
    out = []
    cons = [asyncio.create_task(consumer(q, f"c{i}", out)) for i in range(2)]
    await producer(q, "p", range(6))
    await q.join()
    print("joined", out)
    for _ in cons:
        await q.put(None)
    print(await asyncio.gather(*cons))

    q = asyncio.Queue(1)
    q.put_nowait("x")
    try:
        q.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull", q.full(), str(q))
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    try:
        q.task_done()
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait((x, str(x)))
    print([pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print([await lq.get() for _ in range(3)])

    # a getter waiting first gets the first item
    q = asyncio.Queue()
    async def getter(name):
        v = await q.get()
        print(name, "got", v)
    gs = [asyncio.create_task(getter(n)) for n in ("g1", "g2")]
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    await asyncio.gather(*gs)

    # a cancelled getter passes its item on
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    q.put_nowait("kept")
    print(t.cancelled(), q.qsize(), q.get_nowait())


asyncio.run(main())
