# More statements in a module whose globals() is live: annotations,
# augmented subscripts, match, with, 'global' in a class body,
# coroutines, generators and lambdas reading its globals.
g = globals()
x: int = 5
y: str
print(__annotations__, g['__annotations__'] is __annotations__)
data = {'k': [1]}
data['k'] += [2]
match data:
    case {'k': [first, *rest]}:
        print(first, rest)
import contextlib
with contextlib.suppress(KeyError):
    del g['nope']
print('after suppress')
class K:
    global made_in_class
    made_in_class = 'yes'
    v = x * 2
print(made_in_class, K.v, g['K'].v)
async def coro():
    return x
import asyncio
print(asyncio.run(coro()))
def gen():
    yield from range(x)
print(list(gen()), sum(i for i in range(x)), [x for x in range(2)], x)
lam = lambda: x + 1
print(lam())
