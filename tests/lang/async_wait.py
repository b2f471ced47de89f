# asyncio.wait (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, timeout)
# and as_completed.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


def names(fs):
    out = []
    for f in fs:
        if f.cancelled():
            out.append("cancelled")
        elif f.exception() is not None:
            out.append("error:" + str(f.exception()))
        else:
            out.append(f.result())
    return sorted(out)


async def main():
    ts = [asyncio.create_task(job(n, d)) for n, d in [("a", 0.15), ("b", 0.05), ("c", 0.1)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(names(done), len(pending))
    done, pending = await asyncio.wait(pending)
    print(names(done), len(pending))

    ts = [asyncio.create_task(job("ok", 0.01)), asyncio.create_task(job("bad", 0.02, True)),
          asyncio.create_task(job("late", 0.2))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), len(pending))
    for p in pending:
        p.cancel()
    await asyncio.wait(pending)

    ts = [asyncio.create_task(job("fast", 0.01)), asyncio.create_task(job("slow", 0.5))]
    done, pending = await asyncio.wait(ts, timeout=0.05)
    print(names(done), len(pending))
    for p in pending:
        p.cancel()

    for coro in asyncio.as_completed([job("x", 0.03), job("y", 0.01), job("z", 0.02)]):
        print(await coro)
    try:
        for coro in asyncio.as_completed([job("q", 1)], timeout=0.01):
            await coro
    except asyncio.TimeoutError:
        print("as_completed timed out")

    for bad in ([], ):
        try:
            await asyncio.wait(bad)
        except ValueError as e:
            print("ValueError:", e)
    c = job("c", 0)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError:", e)
    await c
    try:
        await asyncio.wait(asyncio.create_task(job("single", 0)))
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.wait([asyncio.create_task(job("w", 0))], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    await asyncio.sleep(0.01)


asyncio.run(main())
