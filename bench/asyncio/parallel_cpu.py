# Parallel CPU: count the primes below 1,500,000 by trial division, split
# into 4 chunks per core that asyncio.gather runs; the chunks' counts and
# sums are combined into the result (which does not depend on the number
# of chunks). Pure integer arithmetic: under CPython the chunks run one
# after the other; a runtime that runs coroutines in parallel can use
# every core.
#
#     python3 parallel_cpu.py [LIMIT]     (default 1500000)

import asyncio
import os
import sys


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


async def count_primes(lo, hi):
    count = 0
    total = 0
    for n in range(lo, hi):
        if is_prime(n):
            count += 1
            total += n
    return count, total


async def main(limit):
    chunks = 4 * (os.cpu_count() or 1)
    bounds = [limit * k // chunks for k in range(chunks + 1)]
    results = await asyncio.gather(*[count_primes(bounds[k], bounds[k + 1])
                                     for k in range(chunks)])
    count = 0
    total = 0
    for c, t in results:
        count += c
        total += t
    print("parallel-cpu", limit, count, total)


limit = int(sys.argv[1]) if len(sys.argv) > 1 else 1500000
asyncio.run(main(limit))
