# Cancellation: delivered at the next await, finally blocks run,
# CancelledError can be caught, cancelling()/uncancel(), wait_for,
# asyncio.timeout, shield.
import asyncio


async def sleeper(name, delay):
    try:
        print(name, "sleeping")
        await asyncio.sleep(delay)
        print(name, "woke")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn caught it")
    return "survived"


async def slow(x):
    await asyncio.sleep(0.05)
    return x


async def main():
    t = asyncio.create_task(sleeper("t1", 10))
    await asyncio.sleep(0)
    print("cancel ->", t.cancel())
    print("cancelling:", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("caught CancelledError", repr(e))
    print(t.cancelled(), t.done(), t.cancel())

    t = asyncio.create_task(sleeper("t2", 10))
    t.cancel("with a message")  # before it ever ran
    try:
        await t
    except asyncio.CancelledError as e:
        print("message:", e.args)

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    try:
        print(await asyncio.wait_for(slow(1), timeout=1))
        await asyncio.wait_for(sleeper("w", 10), timeout=0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    try:
        await asyncio.wait_for(slow(2), timeout=0)
    except TimeoutError as e:
        print("zero timeout:", type(e).__name__, type(e.__cause__).__name__)

    try:
        async with asyncio.timeout(0.01) as cm:
            print(cm.expired())
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout block expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print("no timeout:", cm.expired())
    async with asyncio.timeout(None) as cm:
        print(cm.when())
        cm.reschedule(asyncio.get_running_loop().time() + 5)
        print(cm.when() is not None)

    inner = asyncio.create_task(slow("shielded"))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner:", inner.cancelled())
    print(await inner)

    g = asyncio.gather(sleeper("g1", 10), sleeper("g2", 10))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")

    async def child():
        await asyncio.sleep(10)

    async def parent():
        c = asyncio.create_task(child())
        try:
            await c
        except asyncio.CancelledError:
            print("parent saw child cancelled")
            raise

    p = asyncio.create_task(parent())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    p.cancel()
    r = await asyncio.gather(p, return_exceptions=True)
    print(type(r[0]).__name__)


asyncio.run(main())
