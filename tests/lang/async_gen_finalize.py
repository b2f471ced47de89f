# Async generators left suspended are closed by the loop, as CPython's
# asyncgen hooks do: `async for` left early hands aclose() to a task, and
# asyncio.run's end closes what is still suspended (shutdown_asyncgens).
import asyncio


async def numbers(name, log):
    try:
        for i in range(10):
            yield i
    finally:
        log.append(f"{name} closed")
        print(f"{name} finally")


async def exhausted():
    try:
        yield "only"
    finally:
        print("exhausted finally")


async def main():
    log = []
    async for x in numbers("broken", log):
        if x == 2:
            break
    print("after break", log)
    await asyncio.sleep(0)
    print("after one sleep", log)
    await asyncio.sleep(0)
    print("after two sleeps", log)

    async def first(gen):
        async for x in gen:
            return x
    print("first", await first(numbers("returned", log)))

    kept = numbers("kept", log)
    print("anext", await kept.__anext__(), await anext(kept))
    async for v in exhausted():
        print("got", v)
    print("main ends", log)


asyncio.run(main())
print("after run")
