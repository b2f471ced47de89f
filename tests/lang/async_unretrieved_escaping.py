# A task whose exception nobody read, while another exception escapes
# asyncio.run: CPython reports it when the escaping traceback lets go of
# it, after that traceback is printed (at the end of the program).
import asyncio
import sys

def deep(n):
    if n == 0:
        raise KeyError(f"missing {n}")
    return deep(n - 1)

async def child(i):
    await asyncio.sleep(0.001 * i)
    sys.stdout.write(f"child {i} writes\n")
    print(f"child {i} to stderr", file=sys.stderr)
    if i == 2:
        deep(3)
    return [i] * 3

async def orphan():
    await asyncio.sleep(0.002)
    raise ZeroDivisionError("orphan")

async def main():
    o = asyncio.create_task(orphan())
    res = await asyncio.gather(child(0), child(1), child(3), return_exceptions=True)
    print(res)
    await asyncio.sleep(0.01)
    await asyncio.gather(child(1), child(2))

asyncio.run(main())
