# throw() into a generator or coroutine that has not started: the body
# never runs, but the traceback shows its frame at the def line.
import traceback

def gen():
    yield 1

async def co():
    return 1

x = gen()
try:
    x.throw(ValueError('v'))
except ValueError:
    traceback.print_exc()
c = co()
try:
    c.throw(KeyError('k'))
except KeyError:
    traceback.print_exc()
