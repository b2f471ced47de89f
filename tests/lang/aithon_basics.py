# aithon: spawn, send, receive, self, is_alive; Pids; messages are copies.
import aithon


def echo(parent, prefix, times=1):
    for _ in range(times):
        msg = aithon.receive()
        aithon.send(parent, (aithon.self(), prefix + str(msg)))


def summer(parent, *numbers, scale=1):
    aithon.send(parent, ("sum", sum(numbers) * scale))


me = aithon.self()
print("main is", me, type(me).__name__, aithon.is_alive(me))

e1 = aithon.spawn(echo, me, "a:", times=2)
e2 = aithon.spawn(echo, me, "b:")
ref = aithon.monitor(e1)
print("spawned", e1, e2, e1 == e2, e1 != e2)
aithon.send(e1, 1)
who, text = aithon.receive()
print(who == e1, text)
aithon.send(e2, [2, 3])
who, text = aithon.receive()
print(who == e2, text)

# Pids are hashable: dict keys and set members.
names = {e1: "first", e2: "second"}
print(names[who], len({e1, e2, who}), hash(who) == hash(e2))

# The message is a copy: later changes on either side are not seen.
box = {"items": [1, 2]}
aithon.send(e1, box)
box["items"].append(3)
who, text = aithon.receive()
print(text, box)

aithon.spawn(summer, me, 1, 2, 3, scale=10)
print(aithon.receive(match=lambda m: m[0] == "sum"))

# A message to oneself is there when send returns.
aithon.send(me, "note to self")
print(aithon.receive(timeout=0, match=lambda m: m == "note to self"))

# Polling and timeouts.
try:
    aithon.receive(timeout=0, match=lambda m: m == "nothing")
except aithon.Timeout as exc:
    print("poll:", type(exc).__name__, isinstance(exc, TimeoutError), repr(exc))
try:
    aithon.receive(timeout=0.05, match=lambda m: m == "nothing")
except TimeoutError:
    print("waited 0.05 s for nothing")

# e1 ends after its two messages: its monitor says how.
tag, r, pid, reason = aithon.receive()
print(tag, r == ref, pid == e1, reason, aithon.is_alive(e1))

# Sends to a dead process are dropped silently.
aithon.send(e1, "anyone there?")
print("still fine")
