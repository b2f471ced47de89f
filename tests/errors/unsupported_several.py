# expect-error: 8:5: E0301: 'match' is not supported yet
# expect-error: 14:1: E0301: 'async def' is not supported yet
# expect-error: 18:11: E0301: a generator expression (other than as a function argument) is not supported yet
# Several unsupported constructs are all reported in one run.


def describe(x):
    match x:
        case 0:
            return "zero"
    return "other"


async def fetch():
    return 1


squares = (n * n for n in range(5))
print(describe(0))
