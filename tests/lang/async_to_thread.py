# asyncio.to_thread and loop.run_in_executor: the result or the
# exception reaches the awaiting task; keyword arguments; ordering with a
# task that is ready meanwhile.
import asyncio
import time


def blocking(x, *, scale=1):
    time.sleep(0.001)
    return x * scale


def failing(msg):
    raise ValueError(msg)


async def ticker(log):
    for i in range(3):
        log.append(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    print(await asyncio.to_thread(blocking, 21, scale=2))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 5))
    try:
        await asyncio.to_thread(failing, "boom")
    except ValueError as e:
        print("to_thread raised", e)
    fut = loop.run_in_executor(None, failing, "later")
    print(type(fut).__name__, fut.done())
    try:
        await fut
    except ValueError as e:
        print("executor raised", e)
    log = []
    results = await asyncio.gather(asyncio.to_thread(blocking, 1), ticker(log), asyncio.to_thread(sum, [1, 2, 3]))
    print(results, log)
    coro = asyncio.to_thread(len, "abc")
    print(asyncio.iscoroutine(coro), await coro)
    try:
        asyncio.to_thread()
    except TypeError as e:
        print(e)


asyncio.run(main())
