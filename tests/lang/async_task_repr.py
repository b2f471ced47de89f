# The repr of a pending task names the line its coroutine waits at: for
# `await f()` run directly, the awaiting coroutine's own line.
import asyncio

trace = []


async def inner():
    trace.append("inner")
    await asyncio.sleep(0)
    await asyncio.sleep(0.05)
    return 1


async def outer():
    trace.append("outer")
    r = await inner()
    return r + 1


def where(t):
    desc = repr(t).split(" coro=<")[1]
    name, _, rest = desc.partition(" running at ")
    return name, rest.split(">")[0].rsplit(":", 1)[1]


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0)
    print(where(t))
    await asyncio.sleep(0.01)
    print(where(t))
    print(await t, trace)


asyncio.run(main())
