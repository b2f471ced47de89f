# contextlib.asynccontextmanager, AsyncExitStack and aclosing under asyncio; an exception thrown into the generator keeps its message; call_soon_threadsafe.
import asyncio
from contextlib import asynccontextmanager, AsyncExitStack, aclosing

@asynccontextmanager
async def resource(name):
    print("open", name)
    try:
        yield name.upper()
    finally:
        print("close", name)

async def agen():
    for i in range(3):
        yield i

async def main():
    async with resource("a") as r:
        print("using", r)
    try:
        async with resource("b"):
            raise ValueError("inside")
    except ValueError as e:
        print("caught", e)
    async with AsyncExitStack() as stack:
        x = await stack.enter_async_context(resource("c"))
        y = await stack.enter_async_context(resource("d"))
        print(x, y)
    async with aclosing(agen()) as g:
        async for v in g:
            print("v", v)
    t = asyncio.current_task()
    print(t.cancelling(), t.uncancel())
    async with asyncio.timeout(None) as cm:
        cm.reschedule(asyncio.get_running_loop().time() + 10)
        print("expired", cm.expired())
    loop = asyncio.get_running_loop()
    loop.call_soon_threadsafe(print, "threadsafe")
    await asyncio.sleep(0)
    print([x async for x in agen()])
    print(await asyncio.gather(*[asyncio.sleep(0.001 * i, i) for i in range(3)]))

asyncio.run(main(), debug=False)
