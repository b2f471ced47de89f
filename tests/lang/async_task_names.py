# Task-N numbering: every task counts, named or not, and tasks that run
# as isolated actors count as CPython's do.
import asyncio


async def quick(i):
    return i


async def slow():
    await asyncio.sleep(1)


async def main():
    print(asyncio.current_task().get_name())
    named = [asyncio.create_task(quick(i), name=f"worker-{i}") for i in range(3)]
    print([t.get_name() for t in named], asyncio.create_task(quick(0)).get_name())
    await asyncio.gather(*named)
    try:
        await asyncio.wait_for(slow(), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    t = asyncio.create_task(slow())
    print(t.get_name())
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(asyncio.create_task(quick(1)).get_name())


asyncio.run(main())
