# Tasks waiting on an asyncio.Queue: the order getters and putters are
# served in, interleaved with other tasks that print, cancellation of a
# waiting getter (before and after an item was handed to it), get_nowait
# taking the item a woken getter was woken for, and the reprs shown
# while tasks wait.
import asyncio


async def getter(name, q, log):
    log.append(f"{name} waits")
    item = await q.get()
    log.append(f"{name} got {item}")
    return item


async def chatter(name, n, log):
    for i in range(n):
        log.append(f"{name} {i}")
        await asyncio.sleep(0)


async def several_getters():
    print("-- several getters")
    q = asyncio.Queue()
    log = []
    gs = [asyncio.create_task(getter(f"g{i}", q, log)) for i in range(4)]
    ch = asyncio.create_task(chatter("chat", 6, log))
    await asyncio.sleep(0)
    print(q.qsize(), q.empty(), repr(q).split(" at ")[0], str(q))
    for t in gs:
        print(repr(t).split(" running at")[0], "wait_for" in repr(t), repr(t).split("wait_for=")[1])
    q.put_nowait("a")
    print("after put", q.qsize(), str(q))
    print(repr(gs[0]).split("wait_for=")[1])
    await q.put("b")
    log.append("main put b")
    await asyncio.sleep(0)
    q.put_nowait("c")
    q.put_nowait("d")
    q.put_nowait("e")
    log.append("main put c d e")
    print(await asyncio.gather(*gs), q.qsize())
    await ch
    print("\n".join(log))


async def stolen():
    print("-- get_nowait takes a woken getter's item")
    q = asyncio.Queue()
    log = []
    g1 = asyncio.create_task(getter("g1", q, log))
    g2 = asyncio.create_task(getter("g2", q, log))
    await asyncio.sleep(0)
    q.put_nowait(1)
    print("stolen", q.get_nowait(), str(q))
    await asyncio.sleep(0)
    print(str(q))
    q.put_nowait(2)
    q.put_nowait(3)
    print(await g1, await g2)
    print("\n".join(log))


async def cancel_waiting():
    print("-- cancel a waiting getter")
    q = asyncio.Queue()
    log = []
    gs = [asyncio.create_task(getter(f"g{i}", q, log)) for i in range(3)]
    await asyncio.sleep(0)
    print(gs[1].cancel("stop it"), str(q))
    print(gs[1].cancel("again"))
    print(repr(gs[1]).split("wait_for=")[1])
    q.put_nowait("x")
    print(str(q))
    await asyncio.sleep(0)
    print(str(q), gs[1].cancelled())
    try:
        await gs[1]
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    q.put_nowait("y")
    print(await gs[0], await gs[2], q.qsize())
    print("\n".join(log))


async def cancel_woken():
    print("-- cancel a getter an item was handed to")
    q = asyncio.Queue()
    log = []
    gs = [asyncio.create_task(getter(f"g{i}", q, log)) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait("x")
    print(gs[0].cancel("late"), str(q))
    print(repr(gs[0]).split("wait_for=")[1])
    await asyncio.sleep(0)
    print(str(q), gs[0].cancelled())
    await asyncio.sleep(0)
    print(gs[1].done(), str(q))
    try:
        await gs[0]
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    q.put_nowait("y")
    print(await gs[1], await gs[2], q.qsize())
    print("\n".join(log))


async def self_cancel():
    print("-- a task that cancelled itself, then gets")
    q = asyncio.Queue()

    async def body():
        asyncio.current_task().cancel("mine")
        try:
            await q.get()
        except asyncio.CancelledError as e:
            print("caught", e.args, str(q))
            return "handled"

    t = asyncio.create_task(body())
    print(await t)


async def putter(name, q, item, log):
    log.append(f"{name} puts {item}")
    await q.put(item)
    log.append(f"{name} put {item}")


async def full_queue():
    print("-- put on a full queue")
    q = asyncio.Queue(maxsize=2)
    log = []
    q.put_nowait(0)
    q.put_nowait(1)
    ps = [asyncio.create_task(putter(f"p{i}", q, 10 + i, log)) for i in range(4)]
    ch = asyncio.create_task(chatter("chat", 5, log))
    await asyncio.sleep(0)
    print(q.full(), str(q))
    print(repr(ps[0]).split("wait_for=")[1])
    ps[1].cancel()
    print(q.get_nowait(), str(q))
    await asyncio.sleep(0)
    print(str(q))
    got = []
    while len(got) < 4:
        got.append(await q.get())
        log.append(f"main got {got[-1]}")
    print(got, q.qsize(), [p.cancelled() for p in ps])
    await ch
    print("\n".join(log))


async def consumers_producers():
    print("-- producers and consumers with join")
    q = asyncio.Queue(maxsize=3)
    log = []

    async def consumer(name):
        while True:
            item = await q.get()
            log.append(f"{name} <- {item}")
            await asyncio.sleep(0)
            q.task_done()

    async def producer(name, base):
        for i in range(5):
            await q.put(base + i)
            log.append(f"{name} -> {base + i}")

    cs = [asyncio.create_task(consumer(f"c{i}")) for i in range(3)]
    ps = [asyncio.create_task(producer(f"p{i}", 100 * i)) for i in range(2)]
    await asyncio.gather(*ps)
    await q.join()
    for c in cs:
        c.cancel()
    await asyncio.gather(*cs, return_exceptions=True)
    print("\n".join(log))


async def lifo_prio():
    print("-- LifoQueue and PriorityQueue waiters")
    for cls in (asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls()
        log = []
        gs = [asyncio.create_task(getter(f"g{i}", q, log)) for i in range(3)]
        await asyncio.sleep(0)
        for v in (5, 1, 3):
            q.put_nowait(v)
        print(cls.__name__, await asyncio.gather(*gs))


async def mixed_with_root():
    print("-- the root task waits among parked tasks; wait_for times one out")
    q = asyncio.Queue()
    log = []
    g1 = asyncio.create_task(getter("g1", q, log))
    await asyncio.sleep(0)

    async def feeder():
        for v in "pqr":
            await asyncio.sleep(0)
            q.put_nowait(v)
            log.append(f"fed {v}")

    f = asyncio.create_task(feeder())
    log.append(f"root got {await q.get()}")
    g2 = asyncio.create_task(getter("g2", q, log))
    await f
    print(await g1, await g2)
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except asyncio.TimeoutError:
        print("timed out", str(q))
    print("\n".join(log))


async def root_cancelled():
    print("-- the root task cancelled while it waits; an async generator gets")
    q = asyncio.Queue()
    root = asyncio.current_task()
    log = []

    async def agen():
        while True:
            item = await q.get()
            log.append(f"agen got {item}")
            yield item

    async def reader():
        async for item in agen():
            if item == "stop":
                return

    async def canceller():
        await asyncio.sleep(0)
        print(repr(root).split("wait_for=")[1].split(" cb=[_run")[0], str(q))
        root.cancel("from canceller")
        q.put_nowait("one")

    r = asyncio.create_task(reader())
    c = asyncio.create_task(canceller())
    try:
        await q.get()
    except asyncio.CancelledError as e:
        print("root cancelled", e.args, str(q), root.uncancel())
    await c
    q.put_nowait("stop")
    await r
    print(q.qsize(), log)


async def main():
    await root_cancelled()
    await mixed_with_root()
    await several_getters()
    await stolen()
    await cancel_waiting()
    await cancel_woken()
    await self_cancel()
    await full_queue()
    await consumers_producers()
    await lifo_prio()


asyncio.run(main())
