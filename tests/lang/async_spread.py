# A batch of thousands of small isolated tasks: once the batch has kept
# the loop busy for a while and a core is idle, the runtime spreads the
# rest over helper actors (runtime/asyncio/spread.c). Whatever it does,
# the output must be CPython's: results in order, output at the task's
# own slots, exceptions with their tracebacks, tasks that cannot finish
# on their own (a real sleep) or whose results cannot be copied.
import asyncio


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


async def chunk(i):
    total = 0
    for n in range(i * 40 + 1, i * 40 + 41):
        total += collatz_steps(n)
    if i % 397 == 11:
        print("chunk", i, "says", total)
    if i % 331 == 5:
        raise ValueError(f"chunk {i} failed")
    if i % 409 == 3:
        await asyncio.sleep(0)
        print("chunk", i, "after a bare yield")
    return i, total


async def sleepy(i):
    total = 0
    for n in range(i * 40 + 1, i * 40 + 41):
        total += collatz_steps(n)
    if i % 487 == 400:
        await asyncio.sleep(0.001)
        print("sleepy", i, "after a real sleep")
    return total


def make_adder(k):
    return lambda x: x + k


async def closure_maker(i):
    total = 0
    for n in range(i * 40 + 1, i * 40 + 41):
        total += collatz_steps(n)
    return make_adder(total)


async def main():
    tasks = [asyncio.create_task(chunk(i)) for i in range(1200)]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    failed = [str(r) for r in results if isinstance(r, Exception)]
    good = [r for r in results if not isinstance(r, Exception)]
    print(len(good), "finished,", len(failed), "failed:", failed[:3])
    print("checksum", sum(i * t for i, t in good) % 1000003)
    print("order kept:", [i for i, _ in good] == sorted(i for i, _ in good))
    names = sorted({t.get_name() for t in tasks[:3]})
    print(names, tasks[5].done(), type(tasks[5].exception()).__name__)
    sleepers = await asyncio.gather(*[sleepy(i) for i in range(800)])
    print(sum(sleepers))
    adders = await asyncio.gather(*[closure_maker(i) for i in range(600)])
    print(sum(f(1) for f in adders) % 1000003)
    try:
        await tasks[5]
    except ValueError as e:
        print("awaited again:", e)


asyncio.run(main())
