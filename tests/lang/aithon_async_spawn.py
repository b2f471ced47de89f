# aithon.spawn of an `async def`: the new process runs the coroutine on an
# event loop of its own (with its own tasks), and messages its result.
import asyncio

import aithon


async def square(i):
    await asyncio.sleep(0)
    return i * i


async def worker(parent, n):
    await asyncio.sleep(0.01)
    total = sum(await asyncio.gather(*(square(i) for i in range(n))))
    aithon.send(parent, ("done", n, total))


async def failing():
    await asyncio.sleep(0)
    raise ValueError("async failure")


for n in (3, 10):
    aithon.spawn(worker, aithon.self(), n)
    print(aithon.receive(timeout=5))

pid, ref = aithon.spawn_monitor(failing)
tag, r, p, reason = aithon.receive(timeout=5)
print(tag, r == ref, p == pid, repr(reason))
