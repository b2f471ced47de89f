# An evaluation ahead (runtime/asyncio/ahead.c) that gives up while
# generators run inside it drops their stacks (gen_abandon): the
# generator nesting it left behind must not count against the recursion
# limit afterwards, however often it happens, and containers it was
# printing are not left marked as being printed.
import asyncio


def noisy(n):
    # output from a gathered child makes the evaluation give up, here
    # with n generators running
    if n == 0:
        print("deep")
        yield 0
        return
    yield from noisy(n - 1)


async def leaf(n):
    return sum(noisy(n))


async def child(n):
    # evaluated ahead: leaf runs inline as its gathered child, and its
    # output there gives the evaluation up
    return (await asyncio.gather(leaf(n)))[0]


async def main():
    for _ in range(5):
        print(await asyncio.gather(child(300), child(300)))
    return "done"


def walk(n):
    if n:
        yield n
        yield from walk(n - 1)


print(asyncio.run(main()))
print(sum(walk(997)))
try:
    print(sum(walk(998)))
except RecursionError as e:
    print("walk(998):", e)


# A give-up inside a repr (output from a __repr__ in a gathered child)
# leaves the container's repr guard: the list is printed in full after.
class Loud:
    def __repr__(self):
        print("repr of Loud")
        return "Loud()"


SHARED = [Loud()]


async def repr_leaf():
    return repr(SHARED)


async def repr_child():
    return (await asyncio.gather(repr_leaf()))[0]


async def repr_main():
    return await asyncio.gather(repr_child(), repr_child())


print(asyncio.run(repr_main()))
print(repr(SHARED))
