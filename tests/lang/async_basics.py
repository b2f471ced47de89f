# Coroutines, tasks and gather: results, names, order of execution.
import asyncio


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def noisy(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name


async def nested(depth):
    if depth == 0:
        return 0
    return 1 + await nested(depth - 1)


async def main():
    print(await add(1, 2))
    c = add(3, 4)
    print(type(c).__name__, asyncio.iscoroutine(c), asyncio.iscoroutinefunction(add))
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    t1 = asyncio.create_task(noisy("a", 3))
    t2 = asyncio.create_task(noisy("b", 2), name="second")
    print(t1.get_name().startswith("Task-"), t2.get_name(), t1.done())
    print(await t1, await t2, t1.done(), t1.result())
    print(await asyncio.gather(noisy("x", 2), noisy("y", 3), add(5, 6)))
    print(await asyncio.gather())
    print(await nested(50))
    me = asyncio.current_task()
    print(me is not None, me.done(), me.get_name() == "Task-1")
    print(len(asyncio.all_tasks()))
    loop = asyncio.get_running_loop()
    print(loop.is_running(), isinstance(loop.time(), float))
    t3 = asyncio.ensure_future(add(1, 1))
    print(isinstance(t3, asyncio.Task), isinstance(t3, asyncio.Future), await t3)
    results = await asyncio.gather(*[add(i, i) for i in range(10)])
    print(results)
    print(await asyncio.sleep(0, result="slept"))
    print(await asyncio.sleep(0.001, "later"))
    return "done"


print(asyncio.run(main()))
print(asyncio.run(add(10, 20)))
