"""aithon processes run in the order they were spawned or woken (BEAM's).

With one worker (AITHON_THREADS=1) nothing runs in parallel, so the order
is the scheduler's alone: processes spawned one after another first run
in spawn order, and processes woken one after another (a message each)
run in wake order. Go's run-next slot would run the last one first
(4, 0, 1, 2, 3); aithon processes are queued at the tail (TASK_F_FIFO).
"""

import os

from _cli import TMP, aithonc, check, finish, run, write

SRC = '''
import aithon

def spawned(i, me):
    print('spawned', i)
    aithon.send(me, ('ready', i))
    m = aithon.receive()
    print('woken', i, m)

def main():
    me = aithon.self()
    ps = [aithon.spawn(spawned, i, me) for i in range(5)]
    print([aithon.receive()[1] for _ in range(5)])
    for p in ps:
        aithon.send(p, 'go')
    rs = [aithon.monitor(p) for p in ps]
    for _ in range(5):
        aithon.receive()

main()
'''

EXPECTED = ''.join('spawned %d\n' % i for i in range(5)) + '[0, 1, 2, 3, 4]\n' + \
    ''.join('woken %d go\n' % i for i in range(5))

src = write('order.py', SRC)
exe = os.path.join(TMP, 'order')
rc, out, err = aithonc(src, '-o', exe)
check(rc == 0, 'compiles', err)
for attempt in range(3):
    rc, out, err = run([exe], env=dict(os.environ, AITHON_THREADS='1'))
    check(rc == 0 and out == EXPECTED, 'spawn and wake order with one worker',
          'rc=%r out=%r err=%r' % (rc, out, err))
finish()
