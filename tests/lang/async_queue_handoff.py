# Queue hand-offs as CPython orders them, through the short way an exact
# FIFO Queue takes when an item is ready or room is free
# (runtime/asyncio/queues.c, plain_fifo) and the parked waits around it:
# getters woken in FIFO order, each running only after the putter's next
# await; a parked getter cancelled (before or after its wake-up) loses no
# item; a bounded queue's parked putters woken in order by gets; and a
# subclass that overrides a step keeps it called. (A TaskGroup of 10,000
# tasks some of which fail: tests/cli/test_taskgroup_10k.py, too big for
# the gc-stress runs.)
import asyncio

log = []


async def getter(q, name):
    item = await q.get()
    log.append(("got", name, item))
    return item


async def putter(q, name, item):
    await q.put(item)
    log.append(("put", name, item))


async def fifo_getters():
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter(q, n)) for n in "abc"]
    await asyncio.sleep(0)              # all three park
    for i in range(3):
        q.put_nowait(i)
        log.append(("after put", i))    # the woken getter has not run yet
    await asyncio.sleep(0)
    log.append(("results", [g.result() for g in gs]))


async def cancelled_getters():
    q = asyncio.Queue()
    a = asyncio.create_task(getter(q, "a"))
    b = asyncio.create_task(getter(q, "b"))
    c = asyncio.create_task(getter(q, "c"))
    await asyncio.sleep(0)
    a.cancel()                          # parked, not yet woken
    await asyncio.sleep(0)
    await q.put(1)                      # goes to b
    b.cancel()                          # woken, cancelled before it ran: 1 passes on
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log.append(("cancelled", a.cancelled(), b.cancelled(), c.result(), q.qsize()))


async def bounded_putters():
    q = asyncio.Queue(maxsize=2)
    await q.put("x")
    await q.put("y")
    ps = [asyncio.create_task(putter(q, n, n * 2)) for n in "pqr"]
    await asyncio.sleep(0)              # all three park: the queue is full
    log.append(("full", q.full(), q.qsize()))
    for _ in range(5):
        log.append(("get", await q.get()))
        await asyncio.sleep(0)
    log.append(("left", q.qsize(), [p.done() for p in ps]))


async def ping(q_out, q_in, n):
    for i in range(n):
        await q_out.put(i)
        log.append(("ping sent", i))
        r = await q_in.get()
        log.append(("ping got", r))


async def pong(q_in, q_out, n):
    for _ in range(n):
        v = await q_in.get()
        log.append(("pong got", v))
        await q_out.put(v * 10)
        log.append(("pong sent", v * 10))


class Tagged(asyncio.Queue):
    def _put(self, item):
        super()._put(("tag", item))


class Counted(asyncio.Queue):
    def get_nowait(self):
        log.append("get_nowait called")
        return super().get_nowait()


async def overrides():
    t = Tagged()
    await t.put(5)
    log.append(("tagged", await t.get()))
    c = Counted()
    await c.put(6)
    log.append(("counted", await c.get()))


async def main():
    await fifo_getters()
    await cancelled_getters()
    await bounded_putters()
    a, b = asyncio.Queue(), asyncio.Queue()
    await asyncio.gather(ping(a, b, 3), pong(a, b, 3))
    await overrides()
    for entry in log:
        print(entry)


asyncio.run(main())
