# expect-error: 9:16: E0301: an asynchronous generator expression is not supported yet
# expect-error: 14:1: E0301: 'except*' is not supported yet
# Several unsupported constructs are all reported in one run.
#


def describe(it):
    async def gen():
        return (x async for x in it)

    return gen


try:
    pass
except* ValueError:
    pass
print(describe(0))
