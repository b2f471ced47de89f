# Tasks made inside coroutines that could run as actors: their names
# (Task-N) must be numbered as CPython numbers them, in the order the
# steps that make them run (compiler/effects.c makes such coroutines
# shared when the program reads task names).
import asyncio

async def leaf(x):
    await asyncio.sleep(0.001)
    return x

async def branch(i):
    t = asyncio.create_task(leaf(i))
    print("branch", i, "made", t.get_name())
    r = await t
    print("branch", i, "current", asyncio.current_task().get_name())
    return r

async def main():
    print(await asyncio.gather(branch(1), branch(2), branch(3)))
    t = asyncio.create_task(leaf(0))
    print(t.get_name())
    await t

asyncio.run(main())
