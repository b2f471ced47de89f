# A task made directly from one of asyncio's own coroutines (sleep,
# wait_for, Event.wait, Queue.get …): its repr names the coroutine's file
# and line in CPython's asyncio, where it waits.
import asyncio


async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    print(t)
    await asyncio.sleep(0)
    print(t)
    t.cancel()
    await asyncio.sleep(0)
    print(t)
    t = asyncio.create_task(asyncio.sleep(0, 'r'))
    await asyncio.sleep(0)
    print(t)
    print(await t)
    print(t)
    ev = asyncio.Event()
    q = asyncio.Queue()
    lock = asyncio.Lock()
    await lock.acquire()
    ts = [asyncio.create_task(c) for c in (ev.wait(), q.get(), lock.acquire(),
                                           asyncio.wait_for(ev.wait(), 5), asyncio.wait_for(ev.wait(), None))]
    await asyncio.sleep(0)
    for t in ts:
        print(t)
    ev.set()
    q.put_nowait(1)
    lock.release()
    await asyncio.gather(*ts)
    for t in ts:
        print(t)


asyncio.run(main())
