# Instances of subclasses of bytearray and array.array are sent as copies
# (their attributes too, their class is shared); instances of subclasses
# of asyncio's Queue, Future, Lock … cannot be sent (their state belongs
# to the sender's loop).
import aithon
import asyncio
from array import array


class Samples(array):
    def __init__(self, typecode, data=(), *, rate=1):
        self.rate = rate


class Buf(bytearray):
    pass


class Jobs(asyncio.Queue):
    pass


def worker(parent):
    s, b, same = aithon.receive(timeout=5)
    s.append(9)
    b += b"!"
    aithon.send(parent, (s, b, s is same, type(s).__name__, type(b).__name__, s.rate, b.tag))


me = aithon.self()
pid = aithon.spawn(worker, me)
s = Samples("i", [1, 2], rate=8)
b = Buf(b"ab")
b.tag = "t"
aithon.send(pid, (s, b, s))
got = aithon.receive(timeout=5)
print(*got)
print(s, b, got[0] is s, isinstance(got[0], Samples))


async def main():
    q = Jobs()
    try:
        aithon.send(me, q)
    except TypeError as e:
        print("TypeError:", e)
    try:
        aithon.send(me, [asyncio.Event()])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
