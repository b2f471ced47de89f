# Tasks cancelled before their first step (in a TaskGroup and alone),
# and create_task's argument forms: the usual create_task(coro), name=,
# coro= (the one-argument call skips the argument parser).
import asyncio


async def work(i, log):
    log.append(f"work {i} starts")
    await asyncio.sleep(0)
    log.append(f"work {i} ends")
    return i * i


async def main():
    log = []
    async with asyncio.TaskGroup() as g:
        ts = [g.create_task(work(i, log)) for i in range(4)]
        print(ts[1].cancel("before it ran"), ts[1].cancelling(), ts[1].done())
        t5 = g.create_task(work(5, log), name="five")
        print(t5.get_name(), repr(ts[2]).split(" coro=")[0])
    print([t.cancelled() for t in ts], [t.result() for t in ts if not t.cancelled()], t5.result())
    try:
        ts[1].result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    print("\n".join(log))

    log.clear()
    t = asyncio.create_task(work(9, log))
    t.cancel()
    u = asyncio.create_task(work(10, log), name="ten")
    await asyncio.sleep(0)
    print(t.cancelled(), u.get_name(), log)
    await u

    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("TypeError", e)
    async with asyncio.TaskGroup() as g:
        print(g.create_task(coro=work(2, log)).get_name())
        print(asyncio.create_task(coro=work(3, log), name=None).get_name())
    print(log)


asyncio.run(main())
