# A TaskGroup with many children, most of which finish early: the group
# keeps a list of its children and a count of those whose done-callback
# has not run (runtime/asyncio/group.c), compacting the list as children
# finish. Its repr (the count), which children an abort cancels (those
# still pending; CPython's set gives no order, so it is sorted here),
# and waiting for the last child must stay CPython's.
import asyncio

log = []


async def quick(i):
    await asyncio.sleep(0)
    return i


async def slow(i, ev):
    try:
        await ev.wait()
    except asyncio.CancelledError:
        log.append(i)
        raise
    return i


async def boom(ev):
    ev.set()
    await asyncio.sleep(0)
    raise ValueError("boom")


async def main():
    ev = asyncio.Event()
    async with asyncio.TaskGroup() as g:
        qs = [g.create_task(quick(i)) for i in range(300)]
        print("after create", repr(g))
        for _ in range(3):
            await asyncio.sleep(0)
        print("after quick", repr(g), sum(t.result() for t in qs))
    print("exited", repr(g))

    never = asyncio.Event()
    try:
        async with asyncio.TaskGroup() as g:
            for i in range(200):
                g.create_task(quick(i))
            for i in range(5):
                g.create_task(slow(i, never))
            for _ in range(3):
                await asyncio.sleep(0)
            print("before boom", repr(g))
            g.create_task(boom(ev))
            for i in range(5, 8):
                g.create_task(slow(i, never))
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])
    print("cancelled", sorted(log))
    c = quick(0)
    try:
        g.create_task(c)
    except RuntimeError as e:
        c.close()
        print("RuntimeError", e)


asyncio.run(main())
