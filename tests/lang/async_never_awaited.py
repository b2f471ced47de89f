# `f()` of an async def without await: CPython's RuntimeWarning on
# stderr, once per line; coroutines awaited, scheduled or kept are not
# reported.
import asyncio


async def work(x):
    print("work", x)
    return x


class Service:
    async def fetch(self):
        return "fetched"


def sync_caller():
    work("from sync")


async def main():
    work(1)
    Service().fetch()
    for i in range(3):
        work(i)
    kept = work("kept")
    await kept
    await work("awaited")
    task = asyncio.create_task(work("task"))
    await task
    print(await Service().fetch())


sync_caller()
asyncio.run(main())
print("end")
