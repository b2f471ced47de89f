# A loop closed with a task still pending: CPython reports the task when it
# dies, at the end of the program.
import asyncio

async def forever():
    await asyncio.sleep(10)

async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(0)
    print('main done')

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
print('end')
