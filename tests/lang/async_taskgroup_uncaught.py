import asyncio


async def boom(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(f"boom {n}")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(boom(1))
        tg.create_task(boom(2))
    print("not reached")


asyncio.run(main())
