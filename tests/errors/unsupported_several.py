# expect-error: 9:16: E0301: an asynchronous generator expression is not supported yet
# expect-error: 15:12: E0301: an asynchronous generator expression is not supported yet
# Several unsupported constructs are all reported in one run.
#


def describe(it):
    async def gen():
        return (x async for x in it)

    return gen


async def agen(source):
    return (x async for x in source)
print(describe(0))
