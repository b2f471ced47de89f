# aithon: registered names — register, whereis, send by name, release.
import aithon


def service(name):
    aithon.register(name)
    while True:
        msg = aithon.receive()
        if msg == "stop":
            return
        if msg == "crash":
            raise RuntimeError(name + " crashed")
        sender, text = msg
        aithon.send(sender, name + " heard " + text)


def wait_for(name):
    while aithon.whereis(name) is None:
        try:
            aithon.receive(timeout=0.001, match=lambda m: False)
        except aithon.Timeout:
            pass
    return aithon.whereis(name)


me = aithon.self()
print("nobody:", aithon.whereis("echo"))
pid, ref = aithon.spawn_monitor(service, "echo")
print("found:", wait_for("echo") == pid)
aithon.send("echo", (me, "hello"))
print(aithon.receive())

# Names are unique.
try:
    aithon.register("echo")
except ValueError as exc:
    print("ValueError:", exc)
try:
    aithon.register(42)
except TypeError as exc:
    print("TypeError:", exc)

# Several names for one process; register another process by its pid.
aithon.register("main")
aithon.register("echo-too", pid)
aithon.send("echo-too", ("main", "by another name"))
print(aithon.receive())
aithon.unregister("main")
print("main unregistered:", aithon.whereis("main"))
try:
    aithon.unregister("main")
except ValueError as exc:
    print("ValueError:", exc)

# A name is released when its process ends, before its DOWN arrives.
aithon.send("echo", "crash")
tag, r, who, reason = aithon.receive(match=lambda m: m[0] == "DOWN")
print(tag, repr(reason), aithon.whereis("echo"), aithon.whereis("echo-too"))
try:
    aithon.send("echo", "anyone?")
except aithon.NoProc as exc:
    print("NoProc:", exc, isinstance(exc, Exception))

# The name is free for a new process.
pid2, ref2 = aithon.spawn_monitor(service, "echo")
print("new echo:", wait_for("echo") == pid2, pid2 != pid)
aithon.send("echo", "stop")
print(aithon.receive(match=lambda m: m[0] == "DOWN")[3])

# Registering a process that has ended: NoProc.
try:
    aithon.register("ghost", pid2)
except aithon.NoProc as exc:
    print("NoProc:", exc)

# ... and before its EXIT is delivered to a linked process that traps.
aithon.trap_exits(True)
p3 = aithon.spawn_link(service, "linked-echo")
wait_for("linked-echo")
aithon.send("linked-echo", "crash")
msg = aithon.receive(match=lambda m: m[0] == "EXIT")
print(msg[0], msg[1] == p3, aithon.whereis("linked-echo"))
