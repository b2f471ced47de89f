import asyncio


def show(label, e):
    if isinstance(e, BaseExceptionGroup):
        print(label, type(e).__name__, repr(e.message), [show_leaf(x) for x in e.exceptions])
    else:
        print(label, show_leaf(e))


def show_leaf(x):
    if isinstance(x, BaseExceptionGroup):
        return (type(x).__name__, x.message, [show_leaf(y) for y in x.exceptions])
    return repr(x)


# basic split
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        show("caught values:", e)
    except* TypeError as e:
        show("caught types:", e)
    print("all handled")
except Exception as e:
    show("escaped", e)

# unhandled rest propagates in the original shape
try:
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), KeyError(3)])])
    except* ValueError as e:
        show("values:", e)
    except* KeyError as e:
        show("keys:", e)
except ExceptionGroup as e:
    show("rest:", e)

# a naked exception is wrapped
try:
    raise ValueError("naked")
except* ValueError as e:
    show("naked:", e)
    print(type(e.exceptions[0]).__name__, e.exceptions[0].args)

# naked, not matched: propagates unchanged
try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")
except KeyError as e:
    print("plain KeyError passes:", repr(e))

# re-raise keeps the structure
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("re-raising")
        raise
except ExceptionGroup as e:
    show("reraised:", e)

# a new exception in a handler
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as e:
    show("new:", e)
    print("context of new:", repr(e.exceptions[0].__context__))

# raising in two handlers
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("a")
    except* TypeError:
        raise
except ExceptionGroup as e:
    show("two:", e)

# ExceptionGroup type in except* is an error
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)

# else and finally
try:
    pass
except* ValueError:
    print("no")
else:
    print("else runs")
finally:
    print("finally runs")

for i in range(3):
    try:
        raise ExceptionGroup("loop", [ValueError(i)])
    except* ValueError as e:
        for j in range(2):
            if j == 1:
                break
            print("inner loop", i, j)
    try:
        e
        print("e bound")
    except NameError:
        print("e unbound")


# notes
e = ValueError("with notes")
e.add_note("first note")
e.add_note("second\nnote")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as t:
    print(t)
g = ExceptionGroup("g", [ValueError(1), TypeError(2)])
g.add_note("group note")
m, r = g.split(ValueError)
print(m.__notes__, r.__notes__, m.__notes__ is g.__notes__)

# TaskGroup errors caught with except*
async def boom(n):
    await asyncio.sleep(0)
    raise ValueError(n)

async def fine():
    await asyncio.sleep(0)
    return 1

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(1))
            tg.create_task(fine())
            tg.create_task(boom(2))
    except* ValueError as eg:
        print("taskgroup:", sorted(str(x) for x in eg.exceptions))

asyncio.run(main())
