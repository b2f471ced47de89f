"""Tasks contending for an asyncio.Lock and a Semaphore allocate nothing
per wait: a task that must wait parks itself in the primitive's waiters
instead of a future with a done-callback (runtime/asyncio/sync.c; the
Queue's getters and putters did so first). With a future per wait, the
200,000 waits below allocated 10.0 MiB; parked, 0.1 MiB. Measured with
AITHON_STATS=1, which prints the bytes allocated: a count, not a timing.
(tests/lang/async_sync_park.py checks that the waits behave as CPython's.)
"""

import os
import re

from _cli import aithonc, check, finish, run, write

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

src = write('lock_alloc.py', SRC)
exe = os.path.join(os.path.dirname(src), 'lock_alloc')
rc, out, err = aithonc(src, '-o', exe)
if check(rc == 0, 'compiles', err):
    env = dict(os.environ, AITHON_STATS='1')
    env.pop('AITHON_GC_STRESS', None)
    rc, out, err = run([exe], env=env, timeout=120)
    check(rc == 0, 'runs', err[-400:])
    check(out == '100000\n', 'output', repr(out))
    m = re.search(r'allocated ([0-9.]+) MiB', err)
    if check(m is not None, 'AITHON_STATS prints the bytes allocated', err[-400:]):
        check(float(m.group(1)) < 2.0, 'under 2 MiB allocated for 200,000 contended waits', m.group(0))
finish()
