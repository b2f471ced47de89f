# PEP 479: StopIteration leaving a generator (or coroutine, or async
# generator's StopAsyncIteration) becomes RuntimeError caused by it; next()
# of a finished generator carries its return value.
def f():
    yield 1
    raise StopIteration("early")
try:
    print(list(f()))
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__), e.__suppress_context__)
def g():
    yield 1
    next(iter([]))
print(next(g()))
try:
    for x in g():
        print("got", x)
except RuntimeError as e:
    print("RuntimeError:", e)
def ok():
    yield 1
    return 5
it = ok(); next(it)
try:
    next(it)
except StopIteration as e:
    print("return value", e.value)
class MyStop(StopIteration): pass
def h():
    raise MyStop
    yield
try:
    next(h())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
import asyncio
async def co():
    raise StopIteration
try:
    asyncio.run(co())
except RuntimeError as e:
    print("RuntimeError:", e)
async def agen():
    yield 1
    raise StopAsyncIteration
async def main():
    try:
        async for v in agen():
            print("agen", v)
    except RuntimeError as e:
        print("RuntimeError:", e)
asyncio.run(main())
print(list(f()))

def ok():
    yield 1
    return 5
it = ok(); next(it)
try:
    next(it)
except StopIteration as e:
    print("return value", e.value, e.args)
def ok2():
    yield 1
    return 5
it = ok2()
for x in it: pass
g = ok2(); next(g)
try:
    g.send(None)
except StopIteration as e:
    print("send", e.value)
