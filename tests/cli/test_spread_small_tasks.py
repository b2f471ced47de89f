"""A batch of tiny isolated tasks is not shared out to helper actors
(runtime/asyncio/remote.c, "Spreading"): shipping a task costs more
than running it. The decision weighs a window of tasks by its CPU time
*less the collections'*, since shipping does not make those cheaper.
Counted in, the collections of 200,000 tasks kept until the end made
their ~2 µs look like 6 µs as the heap grew, and the batch was shared
out on some runs (spawn_many: slower, more memory). AITHON_STATS=1
counts the messages sent: none when nothing is shipped. Not under the
sanitizers (they make every task slow enough to be worth shipping)."""

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


asyncio.run(main(200000))
'''

if not SANITIZERS:
    src = write('spread_small.py', SRC)
    exe = os.path.join(os.path.dirname(src), 'spread_small')
    rc, out, err = aithonc(src, '-o', exe)
    if check(rc == 0, 'compiles', err):
        env = dict(os.environ, AITHON_STATS='1', AITHON_THREADS='2')
        env.pop('AITHON_GC_STRESS', None)
        for attempt in range(3):
            rc, out, err = run([exe], env=env, timeout=120)
            check(rc == 0, 'runs', err[-400:])
            check(out == '99996125\n', 'output', repr(out))
            m = re.search(r'messages sent (\d+)', err)
            if check(m is not None, 'AITHON_STATS prints the messages sent', err[-400:]):
                check(m.group(1) == '0', 'no task shipped to a helper (run %d)' % attempt, m.group(0))
finish()
