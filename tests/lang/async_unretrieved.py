# A task whose exception is never retrieved is reported on stderr.
import asyncio


async def fail():
    raise ValueError("nobody looks at me")


async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(0.01)
    print("main done")


asyncio.run(main())
print("after run")
