# asyncio's primitives hand off exactly as CPython's do.
import asyncio


async def use_lock(lock, name, log):
    print(name, "wants", lock.locked())
    async with lock:
        log.append(name + "+")
        await asyncio.sleep(0)
        log.append(name + "-")


async def wait_event(ev, name):
    print(name, "waits")
    r = await ev.wait()
    print(name, "got", r)


async def consumer(cond, items, name):
    async with cond:
        while not items:
            print(name, "waits")
            await cond.wait()
        print(name, "takes", items.pop(0))


async def limited(sem, name, log):
    async with sem:
        log.append(name)
        await asyncio.sleep(0.01)


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(use_lock(lock, n, log) for n in "abc"))
    print(log, lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await lock.acquire(), lock.locked())
    lock.release()

    ev = asyncio.Event()
    ts = [asyncio.create_task(wait_event(ev, f"e{i}")) for i in range(3)]
    await asyncio.sleep(0)
    print("set", ev.is_set())
    ev.set()
    await asyncio.gather(*ts)
    print(await ev.wait(), ev.is_set())
    ev.clear()
    print(ev.is_set())

    cond = asyncio.Condition()
    items = []
    cs = [asyncio.create_task(consumer(cond, items, f"c{i}")) for i in range(3)]
    await asyncio.sleep(0)
    for i in range(3):
        async with cond:
            items.append(i)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*cs)
    async with cond:
        print(await cond.wait_for(lambda: True))
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

    sem = asyncio.Semaphore(2)
    log = []
    await asyncio.gather(*(limited(sem, str(i), log) for i in range(5)))
    print(log, sem.locked())
    b = asyncio.BoundedSemaphore(1)
    async with b:
        print(b.locked())
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
