# Ring: 1,000 tasks in a ring, each reading from its own asyncio.Queue
# and writing to the next one's. A token starting at 1,000,000 goes round,
# decremented at every hop; the task that receives 0 sends a stop signal
# round the ring, and every task returns how many hops it forwarded.
# Prints which task the token stopped at and a checksum of the counts.
#
#     python3 ring.py [HOPS]     (default 1000000)

import asyncio
import sys

TASKS = 1000


async def node(inbox, outbox):
    forwarded = 0
    while True:
        token = await inbox.get()
        if token <= 0:
            await outbox.put(-1)            # stop the next one
            return forwarded, token == 0
        forwarded += 1
        await outbox.put(token - 1)


async def main(hops):
    queues = [asyncio.Queue() for _ in range(TASKS)]
    tasks = [asyncio.create_task(node(queues[i], queues[(i + 1) % TASKS]))
             for i in range(TASKS)]
    await queues[0].put(hops)
    results = await asyncio.gather(*tasks)
    stopped_at = -1
    checksum = 0
    for i, (forwarded, got_zero) in enumerate(results):
        if got_zero:
            stopped_at = i
        checksum = (checksum * 1000003 + forwarded * (i + 1)) % 1000000007
    print("ring", TASKS, hops, stopped_at, checksum)


hops = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
asyncio.run(main(hops))
