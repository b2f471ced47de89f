# Ping-pong: two tasks exchange 500,000 messages through two asyncio.Queue
# objects: the pinger sends 250,000 numbers, the ponger answers each with
# a reply computed from it, and the pinger waits for each reply before it
# sends the next. Prints the number of messages and a checksum of the
# replies.
#
#     python3 ping_pong.py [MESSAGES]     (default 500000)

import asyncio
import sys


async def ponger(inbox, outbox):
    while True:
        n = await inbox.get()
        if n < 0:
            return
        await outbox.put(n * 3 + 1)


async def pinger(outbox, inbox, rounds):
    checksum = 0
    for i in range(rounds):
        await outbox.put(i)
        reply = await inbox.get()
        checksum = (checksum * 31 + reply) % 1000000007
    await outbox.put(-1)
    return checksum


async def main(messages):
    pings = asyncio.Queue()
    pongs = asyncio.Queue()
    pong_task = asyncio.create_task(ponger(pings, pongs))
    checksum = await pinger(pings, pongs, messages // 2)
    await pong_task
    print("ping-pong", messages, checksum)


messages = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
asyncio.run(main(messages))
