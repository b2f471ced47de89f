# asyncio.Barrier (3.11): rounds, the index each party gets, async with,
# reset and abort waking waiters with BrokenBarrierError, and its repr.
import asyncio


def state(b):
    return repr(b).split(" [")[1]


async def party(b, name, rounds, log):
    for r in range(rounds):
        log.append(f"{name} arrives {r}")
        i = await b.wait()
        log.append(f"{name} passes {r} as {i}")
        await asyncio.sleep(0)


async def main():
    b = asyncio.Barrier(3)
    print(state(b), b.parties, b.n_waiting, b.broken)
    log = []
    await asyncio.gather(*(party(b, n, 2, log) for n in "abc"))
    print("\n".join(log))
    print(state(b))

    async with asyncio.Barrier(1) as idx:
        print("alone:", idx)

    b = asyncio.Barrier(3)

    async def waiter(n):
        try:
            await b.wait()
            return f"{n} passed"
        except asyncio.BrokenBarrierError as e:
            return f"{n} broken: {e}"

    ws = [asyncio.create_task(waiter(n)) for n in range(2)]
    await asyncio.sleep(0)
    print(state(b), b.n_waiting)
    await b.reset()
    print(state(b))
    print(await asyncio.gather(*ws))
    print(state(b))

    ws = [asyncio.create_task(waiter(n)) for n in range(2)]
    await asyncio.sleep(0)
    await b.abort()
    print(await asyncio.gather(*ws), state(b), b.broken)
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("after abort:", type(e).__name__, e, isinstance(e, RuntimeError))
    await b.reset()
    print(state(b), b.broken)

    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)

    # a waiter cancelled while the barrier fills
    b = asyncio.Barrier(2)
    t = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled waiter;", state(b))


asyncio.run(main())
