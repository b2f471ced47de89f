"""How async defs are lowered and where they run (issue 8).

- `aithonc --explain-actors` prints one line per async def with the
  decision of the effect analysis and, for shared ones, the reason;
- --emit-llvm shows each async def's behaviour (`f$behavior`);
- an isolated coroutine given to gather really runs as actors
  (AITHON_STATS=1 counts them), and with AITHON_ACTORS=0 it does not,
  with the same output.
"""

import os

from _cli import TMP, aithonc, check, finish, run, write

SRC = '''
import asyncio

counter = 0
TABLE = (1, 2, 3)
LIMITS = [10, 20]


async def pure(n):
    return sum(i * i for i in range(n)) + TABLE[0]


async def bumps():
    global counter
    counter += 1


async def mutates(items):
    items.append(1)


async def reads_mutated():
    return LIMITS[0]


def grow():
    LIMITS.append(30)


async def random_user():
    import random
    return random.random()


async def with_lock(lock):
    async with lock:
        pass


async def main():
    print(await asyncio.gather(*(pure(n) for n in range(8))))


asyncio.run(main())
'''

write('act.py', SRC)
rc, out, err = aithonc('--explain-actors', 'act.py')
check(rc == 0, '--explain-actors exits 0', err)
lines = out.splitlines()
def line_of(name):
    for l in lines:
        if (' async def %s:' % name) in l:
            return l
    return ''
check('isolated' in line_of('pure'), 'pure is isolated', line_of('pure'))
check('shared' in line_of('bumps') and "global 'counter'" in line_of('bumps'), 'bumps: the global', line_of('bumps'))
check('shared' in line_of('mutates') and "'items'" in line_of('mutates'), 'mutates: its argument', line_of('mutates'))
check('shared' in line_of('reads_mutated') and 'LIMITS' in line_of('reads_mutated'),
      'reads_mutated: a global changed elsewhere', line_of('reads_mutated'))
check('shared' in line_of('random_user') and 'random' in line_of('random_user'), 'random_user', line_of('random_user'))
check('shared' in line_of('with_lock') and "'lock'" in line_of('with_lock'), 'with_lock', line_of('with_lock'))
check(line_of('pure').startswith('act.py:'), 'lines start with file:line', line_of('pure'))
check(not os.path.exists(os.path.join(TMP, 'act')), '--explain-actors writes no output file')

rc, out, err = aithonc('act.py', '--emit-llvm', '-o', '-')
check(rc == 0 and 'pure$behavior' in out and 'main$behavior' in out, 'IR names the behaviours', err)

rc, out, err = aithonc('act.py', '-o', 'act')
check(rc == 0, 'compiles', err)
exe = os.path.join(TMP, 'act')
want = '[1, 1, 2, 6, 15, 31, 56, 92]\n'
def actors_spawned(err):
    spawned = [l for l in err.splitlines() if 'actors spawned' in l]
    return int(spawned[0].split('actors spawned ')[1].split(',')[0]) if spawned else -1


env = dict(os.environ, AITHON_STATS='1')
rc, out, err = run([exe], env=env)
check(rc == 0 and out == want, 'runs (evaluated ahead)', repr((rc, out, err)))
check(actors_spawned(err) == 1, 'small isolated coroutines are evaluated ahead, no actor', err)
env['AITHON_AHEAD'] = '0'
rc, out, err = run([exe], env=env)
check(rc == 0 and out == want, 'runs with actors', repr((rc, out, err)))
check(actors_spawned(err) >= 9, 'gather of 8 isolated coroutines spawns 8 actors (plus main)', err)

# Work that outgrows a few milliseconds while a core is idle is split
# into actors even when it could be evaluated ahead.
write('heavy.py', '''
import asyncio


async def work(k):
    t = 0
    for i in range(3000000):
        t += i % (k + 2)
    return t


async def main():
    print(await asyncio.gather(*(work(k) for k in range(4))))


asyncio.run(main())
''')
rc, out, err = aithonc('heavy.py', '-o', 'heavy')
check(rc == 0, 'heavy compiles', err)
rc, out, err = run([os.path.join(TMP, 'heavy')], env=dict(os.environ, AITHON_STATS='1', AITHON_THREADS='2'))
check(rc == 0 and out == '[1500000, 3000000, 4500000, 6000000]\n', 'heavy runs', repr((rc, out, err)))
check(actors_spawned(err) >= 5, 'heavy coroutines become actors on 2 workers', err)
env['AITHON_ACTORS'] = '0'
rc, out, err = run([exe], env=env)
check(rc == 0 and out == want, 'same output without actors', repr((rc, out, err)))
check(actors_spawned(err) == 1, 'AITHON_ACTORS=0 spawns none', err)
finish()
