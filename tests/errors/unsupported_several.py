# expect-error: 8:5: E0301: 'match' is not supported yet
# expect-error: 15:12: E0301: an asynchronous generator expression is not supported yet
# Several unsupported constructs are all reported in one run.
#


def describe(x):
    match x:
        case 0:
            return "zero"
    return "other"


async def agen(source):
    return (x async for x in source)
print(describe(0))
