# Skynet: a tree of coroutines with fan-out 10 and 1,000,000 leaves
# (1,111,111 coroutines in all). Each leaf returns its number, each inner
# node gathers its ten children and returns their sum; the root's result
# is the sum 0 + 1 + ... + 999999 = 499999500000.
#
#     python3 skynet.py [LEAVES]      (a power of 10; default 1000000)

import asyncio
import sys


async def skynet(num, size, div):
    if size == 1:
        return num
    sub = size // div
    sums = await asyncio.gather(*[skynet(num + i * sub, sub, div) for i in range(div)])
    return sum(sums)


async def main(leaves):
    total = await skynet(0, leaves, 10)
    print("skynet", leaves, total)


leaves = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
asyncio.run(main(leaves))
