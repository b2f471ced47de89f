# aithon: exit signals — normal, kill/killed, custom reasons, trap_exits.
import aithon
import time


def idle(parent, trap):
    aithon.trap_exits(trap)
    aithon.send(parent, ("ready", aithon.self()))
    while True:
        msg = aithon.receive()
        aithon.send(parent, ("idle got", msg[0], msg[2]))


def start(trap):
    pid, ref = aithon.spawn_monitor(idle, aithon.self(), trap)
    aithon.receive(match=lambda m: m[0] == "ready")
    return pid, ref


def down_of(ref):
    return aithon.receive(match=lambda m: m[0] == "DOWN" and m[1] == ref)[3]


# 'normal' is ignored by a process that does not trap exits ...
pid, ref = start(False)
aithon.exit(pid, "normal")
aithon.exit(pid, "shutdown")
print("non-trapping, normal then shutdown:", down_of(ref))

# ... and is a message for one that does.
pid, ref = start(True)
aithon.exit(pid, "normal")
print(aithon.receive(match=lambda m: m[0] == "idle got"))
aithon.exit(pid, ("any", "value"))
print(aithon.receive(match=lambda m: m[0] == "idle got"))
# 'kill' cannot be trapped: the reason becomes 'killed'.
aithon.exit(pid, "kill")
print("trapping, kill:", down_of(ref))

# An exit signal to a process that has ended is ignored.
aithon.exit(pid, "kill")
print("still here")


# A busy process is stopped too (at its next safepoint).
def spin():
    n = 0
    while True:
        n = (n + 1) % 1000


pid, ref = aithon.spawn_monitor(spin)
time.sleep(0.01)
aithon.exit(pid, "stop spinning")
print("spinner:", down_of(ref))

# ... and so is a sleeping one.
def nap():
    time.sleep(30)
    print("nap: not reached")


pid, ref = aithon.spawn_monitor(nap)
aithon.exit(pid, "kill")
print("sleeper:", down_of(ref))


# aithon.exit(reason) ends the caller; finally blocks run on the way out.
def quitter():
    try:
        aithon.exit({"code": 3})
    finally:
        print("quitter: cleaning up")
    print("quitter: not reached")


pid, ref = aithon.spawn_monitor(quitter)
print("quitter:", down_of(ref))

# A process may signal itself: trapped, it is a message.
aithon.trap_exits(True)
aithon.exit(aithon.self(), "to myself")
tag, who, reason = aithon.receive()
print(tag, who == aithon.self(), reason)
aithon.trap_exits(False)
aithon.exit(aithon.self(), "normal")
print("normal to myself is ignored")
try:
    aithon.exit(aithon.self(), "kill")
except SystemExit as exc:
    print("caught", type(exc).__name__, "with", exc.args)
print("the main process carries on")
