# aithon: links and trap_exits — exit signals travel both ways along a link.
import aithon


def worker(mode):
    msg = aithon.receive()
    if mode == "crash":
        raise ValueError("worker failed on " + repr(msg))
    if mode == "exit":
        aithon.exit(("custom", msg))
    return msg


def middle(parent):
    # Linked to a worker that crashes: middle dies with the same reason.
    w = aithon.spawn_link(worker, "crash")
    aithon.send(parent, ("worker", w))
    aithon.receive()
    print("middle: not reached")


me = aithon.self()
print("trap_exits was", aithon.trap_exits(True))
print("trap_exits was", aithon.trap_exits(True))

# A trapped EXIT for each way a linked process can end.
for mode in ["normal", "crash", "exit"]:
    pid = aithon.spawn_link(worker, mode)
    aithon.send(pid, mode)
    tag, who, reason = aithon.receive()
    print(tag, who == pid, repr(reason))

# A chain: worker crash -> middle dies too (same reason) -> we get EXIT.
m = aithon.spawn_link(middle, me)
_, w = aithon.receive(match=lambda msg: msg[0] == "worker")
mref = aithon.monitor(w)
aithon.send(w, "go")
tag, who, reason = aithon.receive(match=lambda msg: msg[0] == "EXIT")
print(tag, who == m, type(reason).__name__, reason)
print("worker down:", aithon.receive(match=lambda msg: msg[0] == "DOWN")[3])

# Linking to a process that has ended: an exit signal 'noproc'.
print("link to the dead:", aithon.is_alive(w))
aithon.link(w)
print(aithon.receive(timeout=1)[2])

# unlink: the end of the other process no longer concerns us.
pid = aithon.spawn_link(worker, "crash")
aithon.unlink(pid)
ref = aithon.monitor(pid)
aithon.send(pid, "after unlink")
print("down:", aithon.receive()[3])
try:
    print(aithon.receive(timeout=0.05))
except aithon.Timeout:
    print("no EXIT after unlink")

# Links are bidirectional: our exit reaches the linked process.
def watcher(parent):
    aithon.trap_exits(True)
    aithon.send(parent, "ready")
    msg = aithon.receive()
    aithon.send(parent, ("watcher saw", msg[0], msg[2]))


def linker(parent, other):
    aithon.link(other)
    aithon.send(parent, "linked")
    aithon.receive()
    raise RuntimeError("linker gives up")


wp = aithon.spawn(watcher, me)
aithon.receive(match=lambda msg: msg == "ready")
lp = aithon.spawn(linker, me, wp)
aithon.receive(match=lambda msg: msg == "linked")
aithon.send(lp, "go")
print(aithon.receive(match=lambda msg: msg[0] == "watcher saw"))

# Without trap_exits, a linked crash ends us: seen here from a monitor.
def victim(parent):
    w = aithon.spawn_link(worker, "crash")
    aithon.send(parent, ("victim ready", w))
    aithon.receive()
    print("victim: not reached")


print("trap_exits was", aithon.trap_exits(False))
v = aithon.spawn(victim, me)
vref = aithon.monitor(v)
_, vw = aithon.receive(match=lambda msg: msg[0] == "victim ready")
aithon.send(vw, "boom")
tag, r, pid, reason = aithon.receive(match=lambda msg: msg[0] == "DOWN")
print(tag, pid == v, repr(reason), aithon.is_alive(v))
