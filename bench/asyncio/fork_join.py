# Fork/join: 10,000 tasks created with asyncio.create_task, then awaited
# one by one. Task i computes the Collatz stopping times of the 20 numbers
# i*20+1 ... i*20+20 and returns their sum and the longest; the joins
# combine them.
#
#     python3 fork_join.py [TASKS]     (default 10000)

import asyncio
import sys

SPAN = 20


def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


async def chunk(i):
    total = 0
    longest = 0
    for n in range(i * SPAN + 1, i * SPAN + SPAN + 1):
        s = collatz_steps(n)
        total += s
        if s > longest:
            longest = s
    return total, longest


async def main(count):
    tasks = [asyncio.create_task(chunk(i)) for i in range(count)]
    total = 0
    longest = 0
    for t in tasks:
        steps, most = await t
        total += steps
        if most > longest:
            longest = most
    print("fork-join", count, total, longest)


count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
asyncio.run(main(count))
