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
keep) 49.0 → 43.2 MiB, 453 bytes per task. Measured with
AITHON_STATS=1 (peak RSS, old generation): memory, not a timing.
"""

import os
import re

from _cli import SANITIZERS, aithonc, check, finish, run, write

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

src = write('spawn_memory.py', SRC)
exe = os.path.join(os.path.dirname(src), 'spawn_memory')
rc, out, err = aithonc(src, '-O2', '-o', exe)
if check(rc == 0, 'compiles', err):
    env = dict(os.environ, AITHON_STATS='1', AITHON_THREADS='1')
    env.pop('AITHON_GC_STRESS', None)
    rc, out, err = run([exe], env=env, timeout=120)
    check(rc == 0, 'runs', err[-400:])
    check(out == '49994730\n', 'output', repr(out))
    m = re.search(r'peak RSS ([0-9.]+) MiB', err)
    if check(m is not None, 'AITHON_STATS prints the peak RSS', err[-400:]):
        # (ASan's shadow memory and redzones are not the program's: the
        # bound holds for the uninstrumented runtime.)
        if 'address' not in SANITIZERS and 'thread' not in SANITIZERS:
            check(float(m.group(1)) < 58.0, 'under 58 MiB for 100,000 pending tasks', m.group(0))
    m = re.search(r'old generation after last gc ([0-9.]+) MiB', err)
    if check(m is not None, 'AITHON_STATS prints the old generation', err[-400:]):
        if 'address' not in SANITIZERS and 'thread' not in SANITIZERS:
            check(float(m.group(1)) < 46.0, 'what 100,000 pending tasks keep: under 46 MiB', m.group(0))
finish()
