"""A TaskGroup of 10,000 tasks, four of which fail while the others wait
at their first `await asyncio.sleep(0)`: the group cancels the rest and
raises the four failures in creation order; every task is done, and the
results, the cancellations and the exceptions are CPython's. The tasks'
state (remote.c's compact form, the futures' side objects of aio.h) must
hold under a cancellation of every pending task. Here and not in
tests/lang because 10,000 tasks under the gc-stress runs (a collection
at every allocation) take minutes. It also checks, with AITHON_STATS
(memory, not a timing), what the abort allocates: cancelling a task
evaluated ahead re-runs its replayed iterations, which took every ready
entry out of the loop and put it back, per task (loop.c,
aio_loop_rerun): 2.7 GB allocated here, quadratic time; now 24 MiB;
and what the tasks keep (the old generation after the last collection). The expected output is CPython 3.11's (run here when this is
3.11, else the one it printed)."""

import subprocess
import sys

from _cli import SANITIZERS, build_program, check, finish, run_with_stats, stat, write

SRC = '''
import asyncio


async def work(i):
    if i % 2500 == 1234:
        raise ValueError(i)
    await asyncio.sleep(0)
    return i


async def main():
    try:
        async with asyncio.TaskGroup() as g:
            ts = [g.create_task(work(i)) for i in range(10000)]
    except* ValueError as eg:
        print("failed:", [e.args[0] for e in eg.exceptions])
    print("done:", sum(t.done() for t in ts), "cancelled:", sum(t.cancelled() for t in ts),
          "sum:", sum(t.result() for t in ts if not t.cancelled() and t.exception() is None))


asyncio.run(main())
'''

EXPECTED = 'failed: [1234, 3734, 6234, 8734]\ndone: 10000 cancelled: 8762 sum: 760761\n'
if sys.version_info[:2] == (3, 11):
    EXPECTED = subprocess.run([sys.executable, write('taskgroup_10k_ref.py', SRC)],
                              capture_output=True, text=True).stdout

exe = build_program('taskgroup_10k', SRC, '-O2')
if exe:
    err = run_with_stats(exe, EXPECTED, threads=1)
    alloc = stat(err, r'allocated ([0-9.]+) MiB', 'the allocation')
    if alloc is not None and 'address' not in SANITIZERS and 'thread' not in SANITIZERS:
        check(alloc < 64.0, 'the abort allocates under 64 MiB', '%.1f MiB' % alloc)
    old = stat(err, r'old generation after last gc ([0-9.]+) MiB', 'the old generation')
    if old is not None and 'address' not in SANITIZERS and 'thread' not in SANITIZERS:
        check(old < 8.0, 'what 10,000 tasks keep: under 8 MiB', '%.1f MiB' % old)
finish()
