# aithon: monitors — DOWN messages, noproc, demonitor, spawn_monitor.
import aithon


def job(how):
    msg = aithon.receive()
    if how == "raise":
        raise KeyError(msg)
    if how == "exit":
        aithon.exit("quit:" + msg)
    return msg


me = aithon.self()
results = []
for how in ["return", "raise", "exit"]:
    pid, ref = aithon.spawn_monitor(job, how)
    print(type(ref).__name__, ref == ref, hash(ref) == hash(ref))
    aithon.send(pid, how)
    tag, r, who, reason = aithon.receive()
    print(tag, r == ref, who == pid, repr(reason))

# Two monitors on one process: two DOWNs, in the order they were made.
pid = aithon.spawn(job, "return")
r1 = aithon.monitor(pid)
r2 = aithon.monitor(pid)
print("distinct refs:", r1 != r2)
aithon.send(pid, "x")
downs = [aithon.receive(), aithon.receive()]
print([d[1] == r for d, r in zip(downs, [r1, r2])], [d[3] for d in downs])

# Monitoring a process that has ended: DOWN 'noproc' at once.
r3 = aithon.monitor(pid)
tag, r, who, reason = aithon.receive(timeout=0)
print(tag, r == r3, who == pid, reason)

# demonitor before the end: no DOWN ever comes.
pid = aithon.spawn(job, "return")
r4 = aithon.monitor(pid)
aithon.demonitor(r4)
marker = aithon.monitor(pid)
aithon.send(pid, "bye")
tag, r, who, reason = aithon.receive()
print("only the second:", r == marker, reason)

# demonitor after the end removes the DOWN already in the mailbox.
pid, r5 = aithon.spawn_monitor(job, "raise")
r6 = aithon.monitor(pid)
aithon.send(pid, "late")
tag, r, who, reason = aithon.receive(match=lambda m: m[1] == r6)
print("second monitor fired:", repr(reason))
aithon.demonitor(r5)
try:
    print(aithon.receive(timeout=0.05))
except aithon.Timeout:
    print("first DOWN was removed")
aithon.demonitor(r5)
aithon.demonitor(r6)
print("demonitor of a spent ref is harmless")

# A monitor does not link: the monitoring side lives on.
def watch(parent, target):
    ref = aithon.monitor(target)
    aithon.send(parent, "watching")
    down = aithon.receive()
    aithon.send(parent, ("watcher got", down[1] == ref, down[3]))


pid = aithon.spawn(job, "raise")
aithon.spawn(watch, me, pid)
aithon.receive(match=lambda m: m == "watching")
aithon.send(pid, "crash")
print(aithon.receive())

# Refs and Pids in messages stay equal to the originals.
pid, ref = aithon.spawn_monitor(job, "return")
aithon.send(me, {"pid": pid, "ref": ref})
got = aithon.receive(match=lambda m: isinstance(m, dict))
print(got["pid"] == pid, got["ref"] == ref, {ref: 1}[got["ref"]])
aithon.send(pid, "done")
print(aithon.receive()[3])

# The DOWN caused by a process's end comes after everything it sent.
def chatty(parent, n):
    for i in range(n):
        aithon.send(parent, ("msg", i))
    raise RuntimeError("said %d things" % n)


pid, ref = aithon.spawn_monitor(chatty, me, 5)
print([aithon.receive() for _ in range(6)])
