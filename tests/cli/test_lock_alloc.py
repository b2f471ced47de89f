"""Tasks contending for an asyncio.Lock and a Semaphore allocate nothing
per wait: a task that must wait parks itself in the primitive's waiters
instead of a future with a done-callback (runtime/asyncio/sync.c; the
Queue's getters and putters did so first). With a future per wait, the
200,000 waits below allocated 10.0 MiB; parked, 0.1 MiB. Measured with
AITHON_STATS=1, which prints the bytes allocated: a count, not a timing.
(tests/lang/async_sync_park.py checks that the waits behave as CPython's.)
"""

from _cli import build_program, check, finish, run_with_stats, stat

SRC = '''
import asyncio


async def worker(lock, sem, n):
    got = 0
    for _ in range(n):
        await lock.acquire()
        await asyncio.sleep(0)
        lock.release()
        await sem.acquire()
        await asyncio.sleep(0)
        sem.release()
        got += 1
    return got


async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    ts = [asyncio.create_task(worker(lock, sem, 1000)) for _ in range(100)]
    print(sum(await asyncio.gather(*ts)))


asyncio.run(main())
'''

exe = build_program('lock_alloc', SRC)
if exe:
    err = run_with_stats(exe, '100000\n')
    mib = stat(err, r'allocated ([0-9.]+) MiB', 'the bytes allocated')
    if mib is not None:
        check(mib < 2.0, 'under 2 MiB allocated for 200,000 contended waits', '%.1f MiB' % mib)
finish()
