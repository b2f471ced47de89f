# asyncio.Runner (3.11): one loop for several run() calls, closed at the
# end of the with block (tasks left are cancelled then).
import asyncio

state = []


async def step(n):
    await asyncio.sleep(0)
    state.append(n)
    return n * 10


async def forever():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("left-over task cancelled at close")
        raise


async def leave_one():
    asyncio.get_running_loop().create_task(forever())
    await asyncio.sleep(0)
    return "left"


with asyncio.Runner() as runner:
    print(runner.run(step(1)))
    print(runner.run(step(2)))
    loop = runner.get_loop()
    print(loop is runner.get_loop(), loop.is_closed())
    print(runner.run(leave_one()))
print("after with:", loop.is_closed(), state)

r = asyncio.Runner()
print(r.run(step(3)))
r.close()
c = step(4)
try:
    r.run(c)
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()
try:
    asyncio.Runner().run(42)
except ValueError as e:
    print("ValueError:", e)

