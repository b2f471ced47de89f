# Startup: asyncio.run of a coroutine that prints one line — the fixed cost
# of starting the program and its event loop (or runtime, or VM), to be
# kept in mind when reading the other benchmarks' times.
#
#     python3 startup.py

import asyncio


async def main():
    print("startup")


asyncio.run(main())
