"""A batch of tiny isolated tasks is not shared out to helper actors
(runtime/asyncio/remote.c, "Spreading"): shipping a task costs more
than running it. The decision weighs a window of tasks by its CPU time
*less the collections'*, since shipping does not make those cheaper.
Counted in, the collections of 200,000 tasks kept until the end made
their ~2 µs look like 6 µs as the heap grew, and the batch was shared
out on some runs (spawn_many: slower, more memory). AITHON_STATS=1
counts the messages sent: none when nothing is shipped. Not under the
sanitizers (they make every task slow enough to be worth shipping)."""

from _cli import SANITIZERS, build_program, check, finish, run_with_stats, stat

SRC = '''
import asyncio


async def work(i):
    return (i * i + 7 * i) % 1009


async def main(n):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(work(i)) for i in range(n)]
    print(sum(t.result() for t in tasks))


asyncio.run(main(200000))
'''

if not SANITIZERS:
    exe = build_program('spread_small', SRC)
    for attempt in range(3 if exe else 0):
        err = run_with_stats(exe, '99996125\n', threads=2)
        sent = stat(err, r'messages sent (\d+)', 'the messages sent')
        if sent is not None:
            check(sent == 0, 'no task shipped to a helper (run %d)' % attempt, 'messages sent %d' % sent)
finish()
