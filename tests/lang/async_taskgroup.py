# asyncio.TaskGroup (3.11): children run together, a failure cancels the
# others and surfaces as an ExceptionGroup.
import asyncio


async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(worker("a", 0.02))
        t2 = tg.create_task(worker("b", 0.01))
        print("tasks started")
    print("results:", t1.result(), t2.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("ok", 0.01))
            tg.create_task(worker("bad", 0.02, fail=True))
            tg.create_task(worker("slow", 1))
    except ExceptionGroup as eg:
        print("group:", eg.message, [str(e) for e in eg.exceptions])
        print(str(eg))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("x", 1))
            raise KeyError("body failed")
    except ExceptionGroup as eg:
        print("body error:", [repr(e) for e in eg.exceptions])

    tg = asyncio.TaskGroup()
    c = worker("never", 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", str(e).endswith("has not been entered"))
    c.close()

    async with asyncio.TaskGroup() as tg:
        for i in range(5):
            tg.create_task(worker(f"w{i}", 0.03 * (5 - i)))


asyncio.run(main())
