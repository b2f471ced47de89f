"""Every isolated task an actor: the asyncio programs of tests/lang whose
coroutines are isolated, run with AITHON_AHEAD=0, so that each isolated
task runs as an actor of its own and is replayed in its parent
(runtime/asyncio/remote.c) instead of being evaluated ahead or run
locally. The output must still be CPython's (the programs' .out files):
results, output at the right slots, timers firing in CPython's order on
the parent's virtual clock (asyncio/loop.c, "Timers"), task names.
"""

import os

from _cli import TMP, aithonc, check, finish, run

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANG = os.path.join(ROOT, 'tests', 'lang')
PROGRAMS = ['async_actors', 'async_actor_timer_order', 'async_actor_task_names', 'async_spread',
            'async_ahead', 'async_ahead_giveup', 'async_basics', 'async_cancel', 'async_task_names', 'async_wait',
            'async_timeout_cancelling', 'async_callback_reports']

for name in PROGRAMS:
    src = os.path.join(LANG, name + '.py')
    if not os.path.exists(src):
        check(False, name + ' exists')
        continue
    exe = os.path.join(TMP, name + '-actors')
    rc, out, err = aithonc(src, '-o', exe)
    check(rc == 0, name + ' compiles', err)
    if rc != 0:
        continue
    with open(os.path.join(LANG, name + '.out')) as f:
        want = f.read()
    env = dict(os.environ, AITHON_AHEAD='0')
    rc, out, err = run([exe], cwd=LANG, env=env)
    check(rc == 0 and out == want, name + ' prints what CPython prints with every isolated task an actor',
          repr((rc, out[-300:], err[-300:])))

finish()
