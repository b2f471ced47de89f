# Tasks waiting on asyncio's Lock, Event, Condition, Semaphore and
# BoundedSemaphore (which park the waiting task itself instead of a
# future): the order waiters are served in, cancellation of a waiter
# before and after it was woken (Lock passes the wake-up on, Semaphore
# gives its value back), the reprs of the primitives and of the waiting
# tasks, locked()/is_set(), and waits inside asyncio.timeout/wait_for.
import asyncio


def wait_for_of(t):
    r = repr(t)
    return r.split("wait_for=")[1] if "wait_for=" in r else "-"


def prim(p):
    return repr(p).split(" at ")[0] + " [" + repr(p).split("[")[1]


async def locker(name, lock, log, hold=1):
    log.append(f"{name} wants")
    async with lock:
        log.append(f"{name} has")
        for _ in range(hold):
            await asyncio.sleep(0)
    log.append(f"{name} left")


async def lock_fifo():
    print("-- Lock: FIFO, reprs")
    lock = asyncio.Lock()
    log = []
    ts = [asyncio.create_task(locker(f"t{i}", lock, log, 2)) for i in range(4)]
    await asyncio.sleep(0)
    print(prim(lock), lock.locked())
    for t in ts:
        print(wait_for_of(t))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(prim(lock), [wait_for_of(t) for t in ts])
    await asyncio.gather(*ts)
    print(prim(lock), lock.locked())
    print("\n".join(log))


async def lock_cancel_waiting():
    print("-- Lock: a waiter cancelled before its wake-up")
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    ts = [asyncio.create_task(locker(f"t{i}", lock, log)) for i in range(3)]
    await asyncio.sleep(0)
    print(ts[0].cancel("go away"), prim(lock))
    print(wait_for_of(ts[0]))
    await asyncio.sleep(0)
    print(prim(lock), ts[0].cancelled())
    lock.release()
    print(prim(lock), lock.locked())
    await asyncio.gather(*ts, return_exceptions=True)
    print("\n".join(log), prim(lock))


async def lock_cancel_woken():
    print("-- Lock: a woken waiter cancelled passes the wake-up on")
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    ts = [asyncio.create_task(locker(f"t{i}", lock, log)) for i in range(3)]
    await asyncio.sleep(0)
    lock.release()
    print(wait_for_of(ts[0]), wait_for_of(ts[1]))
    print(ts[0].cancel("late"), prim(lock), lock.locked())
    await asyncio.sleep(0)
    print(prim(lock), ts[0].cancelled(), wait_for_of(ts[1]))
    r = await asyncio.gather(*ts, return_exceptions=True)
    print([type(x).__name__ for x in r])
    print("\n".join(log), prim(lock))


async def lock_steal():
    print("-- Lock: acquired by a newcomer while the woken waiter has not run")
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    t = asyncio.create_task(locker("w", lock, log))
    await asyncio.sleep(0)
    lock.release()
    print(lock.locked(), prim(lock))
    # the waiter is woken but not yet running: a new acquire must wait
    # behind it (its future is done, not cancelled)
    n = asyncio.create_task(locker("newcomer", lock, log))
    await asyncio.gather(t, n)
    print("\n".join(log))


async def event_waiter(name, ev, log):
    log.append(f"{name} waits")
    r = await ev.wait()
    log.append(f"{name} woke {r}")
    return name


async def event_all():
    print("-- Event: set wakes all, cancel one, clear")
    ev = asyncio.Event()
    log = []
    ts = [asyncio.create_task(event_waiter(f"e{i}", ev, log)) for i in range(4)]
    await asyncio.sleep(0)
    print(prim(ev), ev.is_set(), wait_for_of(ts[2]))
    ts[1].cancel()
    ev.set()
    print(prim(ev), ev.is_set(), wait_for_of(ts[0]), wait_for_of(ts[1]))
    ts[2].cancel("after set")
    ev.clear()
    print(prim(ev), ev.is_set())
    r = await asyncio.gather(*ts, return_exceptions=True)
    print([x if isinstance(x, str) else type(x).__name__ for x in r])
    print("\n".join(log), prim(ev))
    print(await ev.wait() if ev.is_set() else "unset")


async def cond_user(name, cond, log, box):
    async with cond:
        log.append(f"{name} waits")
        r = await cond.wait_for(lambda: box)
        log.append(f"{name} got {r} {box.pop(0)}")


async def condition():
    print("-- Condition: notify, notify_all, cancel a waiter")
    cond = asyncio.Condition()
    log = []
    box = []
    ts = [asyncio.create_task(cond_user(f"c{i}", cond, log, box)) for i in range(4)]
    await asyncio.sleep(0)
    print(prim(cond), cond.locked(), wait_for_of(ts[0]))
    async with cond:
        box.append("a")
        cond.notify()
        print(prim(cond), wait_for_of(ts[0]), wait_for_of(ts[1]))
    await asyncio.sleep(0)
    ts[1].cancel("not you")
    async with cond:
        box.extend(["b", "c"])
        cond.notify_all()
        print(prim(cond))
    r = await asyncio.gather(*ts, return_exceptions=True)
    print([type(x).__name__ for x in r])
    print("\n".join(log), prim(cond))


async def cond_cancel_notified():
    print("-- Condition: a notified waiter cancelled still re-acquires")
    cond = asyncio.Condition()
    log = []

    async def w():
        async with cond:
            try:
                await cond.wait()
                log.append("woke")
            except asyncio.CancelledError:
                log.append(f"cancelled, locked {cond.locked()}")
                raise

    t = asyncio.create_task(w())
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        t.cancel()
        print(wait_for_of(t))
    try:
        await t
    except asyncio.CancelledError:
        log.append("t cancelled")
    print("\n".join(log), prim(cond))


async def sem_user(name, sem, log, hold=1):
    log.append(f"{name} wants")
    async with sem:
        log.append(f"{name} in")
        for _ in range(hold):
            await asyncio.sleep(0)
    log.append(f"{name} out")


async def semaphore():
    print("-- Semaphore: value 2, FIFO, reprs")
    sem = asyncio.Semaphore(2)
    log = []
    ts = [asyncio.create_task(sem_user(f"s{i}", sem, log, 2)) for i in range(5)]
    await asyncio.sleep(0)
    print(prim(sem), sem.locked(), [wait_for_of(t) for t in ts])
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(prim(sem), [wait_for_of(t) for t in ts])
    await asyncio.gather(*ts)
    print(prim(sem), sem.locked())
    print("\n".join(log))


async def sem_cancel():
    print("-- Semaphore: cancel before and after the wake-up")
    sem = asyncio.Semaphore(0)
    log = []
    ts = [asyncio.create_task(sem_user(f"s{i}", sem, log)) for i in range(4)]
    await asyncio.sleep(0)
    ts[0].cancel("early")
    print(prim(sem), wait_for_of(ts[0]))
    sem.release()
    print(prim(sem), wait_for_of(ts[1]))
    ts[1].cancel("late")
    print(prim(sem), sem.locked())
    await asyncio.sleep(0)
    print(prim(sem), [wait_for_of(t) for t in ts])
    sem.release()
    r = await asyncio.gather(*ts, return_exceptions=True)
    print([type(x).__name__ for x in r])
    print("\n".join(log), prim(sem))


async def bounded():
    print("-- BoundedSemaphore")
    sem = asyncio.BoundedSemaphore(1)
    log = []
    ts = [asyncio.create_task(sem_user(f"b{i}", sem, log)) for i in range(3)]
    await asyncio.sleep(0)
    print(prim(sem), wait_for_of(ts[1]))
    await asyncio.gather(*ts)
    try:
        sem.release()
    except ValueError as e:
        print("ValueError", e)
    print("\n".join(log), prim(sem))


async def timeouts():
    print("-- waits that time out")
    lock = asyncio.Lock()
    await lock.acquire()
    try:
        async with asyncio.timeout(0.01):
            await lock.acquire()
    except TimeoutError:
        print("timeout", prim(lock))
    try:
        await asyncio.wait_for(lock.acquire(), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timeout", prim(lock))
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print("event timeout", prim(ev))
    sem = asyncio.Semaphore(0)
    try:
        async with asyncio.timeout(0.01):
            await sem.acquire()
    except TimeoutError:
        print("sem timeout", prim(sem))
    lock.release()
    print(await lock.acquire(), prim(lock))


async def main():
    await lock_fifo()
    await lock_cancel_waiting()
    await lock_cancel_woken()
    await lock_steal()
    await event_all()
    await condition()
    await cond_cancel_notified()
    await semaphore()
    await sem_cancel()
    await bounded()
    await timeouts()


asyncio.run(main())
