# aithon: selective receive — match predicates, order of the rest, timeouts.
import aithon


def producer(parent, tag, n):
    for i in range(n):
        aithon.send(parent, (tag, i))
    aithon.send(parent, (tag, "done"))


me = aithon.self()
aithon.spawn(producer, me, "x", 3)
aithon.spawn(producer, me, "y", 3)

# Take all of y first; the x messages stay in the mailbox, in order.
got = []
while True:
    tag, v = aithon.receive(match=lambda m: m[0] == "y")
    if v == "done":
        break
    got.append(v)
print("y:", got)
got = []
while True:
    tag, v = aithon.receive()
    if v == "done":
        break
    got.append((tag, v))
print("then:", got)

# Several senders to one receiver: each sender's messages keep their order.
for tag in "abc":
    aithon.spawn(producer, me, tag, 4)
seen = {"a": [], "b": [], "c": []}
finished = 0
while finished < 3:
    tag, v = aithon.receive()
    if v == "done":
        finished += 1
    else:
        seen[tag].append(v)
print(seen)

# A predicate that matches nothing waits for its timeout; nothing is lost.
aithon.send(me, 1)
aithon.send(me, "two")
aithon.send(me, 3.0)
try:
    aithon.receive(timeout=0.05, match=lambda m: isinstance(m, bytes))
except aithon.Timeout:
    print("no bytes")
print(aithon.receive(match=lambda m: isinstance(m, str)))
print(aithon.receive(match=lambda m: isinstance(m, float)))


# A predicate that raises: the exception propagates, the message stays.
def picky(m):
    if m == 1:
        raise ValueError("one is not allowed")
    return True


try:
    aithon.receive(match=picky)
except ValueError as exc:
    print("match raised:", exc)
print("still there:", aithon.receive(timeout=0))

# Any truthy result matches.
aithon.send(me, [])
aithon.send(me, [0])
print(aithon.receive(match=len))
print(aithon.receive(match=lambda m: m == []))
