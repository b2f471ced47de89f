# expect-error: 7:1: E0301: a generator function ('yield') is not supported yet
# expect-error: 14:5: E0301: 'match' is not supported yet
# expect-error: 20:1: E0301: 'async def' is not supported yet
# Several unsupported constructs are all reported in one run.


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def describe(x):
    match x:
        case 0:
            return "zero"
    return "other"


async def fetch():
    return 1


print(describe(0))
