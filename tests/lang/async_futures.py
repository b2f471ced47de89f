# Futures, done-callbacks and the loop's scheduling calls.
import asyncio


def show(fut):
    print("callback:", fut.result() if not fut.cancelled() else "cancelled")


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f, f.done())
    f.add_done_callback(show)
    f.add_done_callback(lambda fut: print("lambda sees", fut.result()))
    loop.call_soon(print, "call_soon", 1)
    f.set_result(42)
    print(f, f.result(), f.exception())
    await asyncio.sleep(0)
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    g = loop.create_future()
    try:
        g.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    g.set_exception(KeyError("k"))
    print(g, repr(g.exception()))
    try:
        await g
    except KeyError as e:
        print("awaited KeyError", e)
    h = loop.create_future()
    h.add_done_callback(show)
    print(h.remove_done_callback(show), h.remove_done_callback(show))
    h.add_done_callback(show)
    print(h.cancel(), h.cancelled(), h.cancel(), h)
    await asyncio.sleep(0)

    async def resolver(fut, v):
        await asyncio.sleep(0.01)
        fut.set_result(v)

    w = loop.create_future()
    asyncio.create_task(resolver(w, "resolved"))
    print(await w)
    order = []
    loop.call_later(0.02, order.append, "later2")
    loop.call_later(0.01, order.append, "later1")
    loop.call_soon(order.append, "soon")
    h = loop.call_later(0.015, order.append, "never")
    h.cancel()
    print(h.cancelled())
    t0 = loop.time()
    loop.call_at(t0 + 0.005, order.append, "at")
    await asyncio.sleep(0.05)
    print(order)
    fut = asyncio.Future()
    loop.call_soon(fut.set_result, "via call_soon")
    print(await fut)
    print(asyncio.isfuture(fut), asyncio.isfuture(1))
    t = asyncio.create_task(asyncio.sleep(0, "x"))
    t.add_done_callback(lambda t: print("task done callback", t.result()))
    await t
    await asyncio.sleep(0)
    try:
        t.set_result(1)
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
loop = asyncio.new_event_loop()
print(loop.run_until_complete(asyncio.sleep(0, "run_until_complete")))
loop.close()
print(loop.is_closed())
