# One call site whose receivers alternate between a builtin type and a
# builtin subtype that inherits the method (Task.result is Future's,
# bool.bit_length is int's), or a user subclass that overrides it: every
# call must reach the right method.
import asyncio


class MyInt(int):
    def bit_length(self):
        return -1


async def work(i):
    return i * 3


async def main():
    loop = asyncio.get_running_loop()
    objs = []
    for i in range(6):
        if i % 2 == 0:
            f = loop.create_future()
            f.set_result(i)
        else:
            f = asyncio.create_task(work(i))
        objs.append(f)
    await asyncio.sleep(0)
    for f in objs * 2:
        print(type(f).__name__, f.result(), f.done(), f.cancelled(), f.exception())
    for x in [True, 5, MyInt(7), False, 1 << 40, MyInt(0), True]:
        print(type(x).__name__, x.bit_length(), x.conjugate())


asyncio.run(main())
