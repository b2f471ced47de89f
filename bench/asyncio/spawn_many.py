# Spawn-many: 200,000 short tasks started in one asyncio.TaskGroup
# (Python 3.11); each computes a small value from its number. When the
# group has finished, the results are combined into a checksum.
#
#     python3 spawn_many.py [TASKS]     (default 200000)

import asyncio
import sys


async def work(i):
    return (i * i + 7 * i) % 1009


async def main(n):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(work(i)) for i in range(n)]
    total = 0
    for t in tasks:
        total += t.result()
    print("spawn-many", n, total)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
asyncio.run(main(n))
