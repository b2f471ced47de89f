# Callbacks as asyncio shows them (format_helpers): "Exception in callback
# qualname(args) at file:line" with its `handle:` line and Handle._run's
# frame, arguments shortened as reprlib shortens them; Handle reprs; a
# future's cb=[...] (one, two, or first, <N more>, last), the loop's own
# callbacks by the names of CPython's; the repr of a task waiting
# elsewhere (its await line and wait_for).
import asyncio
import os

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def show(x):
    # CPython names this file by its absolute path
    print(repr(x).replace(HERE, ''))


class C:
    def meth(self, x):
        raise ValueError(x)

    def __repr__(self):
        return 'C()'


def bad_cb(fut):
    raise RuntimeError('callback failed')


def cb1(f):
    pass


def cb2(f):
    pass


def cb3(f):
    pass


async def child(n):
    await asyncio.sleep(0.01 * n)
    return n


async def watcher(main_task):
    await asyncio.sleep(0.01)
    show(main_task)


async def helper():
    await asyncio.sleep(0.02)


async def main():
    loop = asyncio.get_running_loop()
    c = C()
    loop.call_soon(c.meth, 'a' * 50)
    loop.call_soon(lambda *a: 1 / 0, 12345678901234567890123456789012345678901234567890,
                   [1, [2, [3, [4, [5, [6, [7]]]]]]], {'b': 1, 'a': 2, 'c': 3, 'd': 4, 'e': 5})
    loop.call_soon(print, (1,), {3, 1, 2}, frozenset(), set(), 1.5, None, True, b'xy', 'é' * 40)
    h = loop.call_soon(print, 'x')
    show(h)
    h.cancel()
    show(h)
    show(loop.call_soon(bad_cb, [1, 2, 3]))
    fut = loop.create_future()
    fut.add_done_callback(c.meth)
    fut.add_done_callback(bad_cb)
    t = asyncio.create_task(asyncio.sleep(0))
    t.add_done_callback(lambda t: 1 / 0)
    fut.set_result(None)
    await asyncio.sleep(0.01)
    f = loop.create_future()
    f.add_done_callback(cb1)
    show(f)
    f.add_done_callback(cb2)
    show(f)
    f.add_done_callback(cb3)
    f.add_done_callback(lambda f: None)
    show(f)
    f.set_result(None)
    w = asyncio.create_task(watcher(asyncio.current_task()))
    await helper()
    t = asyncio.create_task(child(1))
    g = asyncio.gather(t, child(2))
    await asyncio.sleep(0)
    show(t)
    s = asyncio.shield(child(1))
    show(s)
    await g
    await s
    await w
    async with asyncio.TaskGroup() as tg:
        t2 = tg.create_task(child(1))
        await asyncio.sleep(0)
        show(t2)


asyncio.run(main())
