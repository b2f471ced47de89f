# Coroutines that share state: lists, dicts, globals, a Lock. Their
# interleaving at await points is asyncio's, so the output is fixed.
import asyncio

count = 0
log = []


async def bump(name, times):
    global count
    for i in range(times):
        v = count
        await asyncio.sleep(0)
        count = v + 1
        log.append(f"{name}{i}")


async def fill(d, key, n):
    for i in range(n):
        d.setdefault(key, []).append(i)
        await asyncio.sleep(0)
    return len(d[key])


async def locked_bump(lock, state, name):
    for _ in range(3):
        async with lock:
            v = state["n"]
            await asyncio.sleep(0)
            state["n"] = v + 1
            state["trace"].append(name)


async def appender(shared, tag, delay):
    await asyncio.sleep(delay)
    shared.append(tag)
    return tag


async def main():
    await asyncio.gather(bump("a", 3), bump("b", 3))
    print(count, log)  # lost updates, exactly as CPython loses them
    d = {}
    print(await asyncio.gather(fill(d, "x", 3), fill(d, "y", 2), fill(d, "x", 2)))
    print(d)
    lock = asyncio.Lock()
    state = {"n": 0, "trace": []}
    await asyncio.gather(*(locked_bump(lock, state, n) for n in "pqr"))
    print(state)
    shared = []
    tasks = [asyncio.create_task(appender(shared, t, dl)) for t, dl in [("s", 0.03), ("f", 0.01), ("m", 0.02)]]
    print(await asyncio.gather(*tasks), shared)


asyncio.run(main())
