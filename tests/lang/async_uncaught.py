# An exception escaping asyncio.run(main()): CPython's traceback, with
# the frames of the task that raised it.
import asyncio


async def inner(x):
    await asyncio.sleep(0)
    return 10 // x


async def middle():
    t = asyncio.create_task(inner(0))
    return await t


async def main():
    print("start")
    await middle()


asyncio.run(main())
