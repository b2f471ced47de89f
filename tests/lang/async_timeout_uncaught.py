# An expired asyncio.timeout() that nobody catches: CPython's traceback,
# the CancelledError (through sleep's frame) as the direct cause of the
# TimeoutError raised in timeouts.py.
import asyncio


async def main():
    async with asyncio.timeout(0.01):
        await asyncio.sleep(1)


asyncio.run(main())
