"""100,000 tiny tasks created in one TaskGroup before any runs (as
asyncio requires), each evaluated ahead in one quiet iteration: what
one pending task costs in memory. Evaluated ahead as a batch, each used
to keep a malloc'd event until its slot replayed it, and a finalizer
entry (runtime/asyncio/remote.c): 79 MiB peak RSS here; now only a
count of quiet iterations, and a finalizer only for tasks holding a
child actor or events: 62 MiB. Then each evaluation made a coroutine
object of its own, and every coroutine object carried its stack's
bookkeeping (64 bytes) before it had a stack: 52 MiB, and the old
generation after the last collection (what the 100,000 pending tasks
keep) 49.0 → 43.2 MiB, 453 bytes per task. Then a task not yet started
or evaluated ahead quietly kept its state in a 104-byte record; it is
now a small int in the task (its outcome in the task's result slot):
43.8 MiB peak, 36.5 MiB old, 382 bytes per task. Then a future's rare
fields (cancel message, further callbacks, context …) moved to a side
object made on demand (asyncio/aio.h, aio_rare): 38.2 MiB peak, 33.7
MiB old. Measured with
AITHON_STATS=1 (peak RSS, old generation): memory, not a timing.
"""

from _cli import SANITIZERS, build_program, check, finish, run_with_stats, stat

SRC = '''
import asyncio


async def work(i):
    return (i * i + 7 * i) % 1009


async def main(n):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(work(i)) for i in range(n)]
    print(sum(t.result() for t in tasks))


asyncio.run(main(100000))
'''

exe = build_program('spawn_memory', SRC, '-O2')
if exe:
    err = run_with_stats(exe, '49994730\n', threads=1)
    # (ASan's shadow memory and redzones are not the program's: the
    # bounds hold for the uninstrumented runtime.)
    exact = 'address' not in SANITIZERS and 'thread' not in SANITIZERS
    rss = stat(err, r'peak RSS ([0-9.]+) MiB', 'the peak RSS')
    if rss is not None and exact:
        check(rss < 41.5, 'under 41.5 MiB for 100,000 pending tasks', '%.1f MiB' % rss)
    old = stat(err, r'old generation after last gc ([0-9.]+) MiB', 'the old generation')
    if old is not None and exact:
        check(old < 35.5, 'what 100,000 pending tasks keep: under 35.5 MiB', '%.1f MiB' % old)
finish()
