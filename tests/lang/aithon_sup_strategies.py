# aithon: supervisor strategies one_for_all and rest_for_one — who is
# stopped (in reverse start order, reason 'shutdown') and restarted.
import aithon


def worker(name):
    # Trapping exits lets the worker report how the supervisor stops it.
    aithon.trap_exits(True)
    aithon.send("main", ("start", name))
    while True:
        msg = aithon.receive()
        if msg == "crash":
            raise ValueError(name)
        if msg[0] == "EXIT":
            aithon.send("main", ("stop", name, msg[2]))
            aithon.exit(msg[2])


def starts(n):
    return sorted(aithon.receive(match=lambda m: m[0] == "start")[1] for _ in range(n))


def stops(n):
    return [aithon.receive(match=lambda m: m[0] == "stop")[1:] for _ in range(n)]


def names(sup):
    return [name for name, pid in aithon.which_children(sup)]


def crash(sup, name):
    aithon.send(dict(aithon.which_children(sup))[name], "crash")


aithon.register("main")
specs = [aithon.child(n, worker, n) for n in "abcd"]

sup = aithon.supervisor(specs, strategy="one_for_all")
print("one_for_all started:", starts(4))
crash(sup, "b")
print("stopped:", stops(3))
print("restarted:", starts(4))
print(names(sup))
ref = aithon.monitor(sup)
print("stop:", aithon.stop(sup))
print("stopped:", stops(4))
print(aithon.receive(match=lambda m: m[0] == "DOWN")[3])

sup = aithon.supervisor(specs, strategy="rest_for_one", max_restarts=5)
print("rest_for_one started:", starts(4))
crash(sup, "b")
print("stopped:", stops(2))
print("restarted:", starts(3))
crash(sup, "d")
print("stopped:", stops(0))
print("restarted:", starts(1))
crash(sup, "a")
print("stopped:", stops(3))
print("restarted:", starts(4))

# Temporary children stopped by a one_for_all restart leave the list.
specs = [aithon.child("w", worker, "w"), aithon.child("t", worker, "t", restart="temporary"),
         aithon.child("x", worker, "x")]
sup2 = aithon.supervisor(specs, strategy="one_for_all")
print("started:", starts(3))
crash(sup2, "x")
print("stopped:", stops(2))
print("restarted:", starts(2))
print(names(sup2))

# exit(sup, reason) from outside ends a supervisor with its children.
ref = aithon.monitor(sup)
aithon.exit(sup, "enough")
print("stopped:", stops(4))
print("supervisor:", aithon.receive(match=lambda m: m[0] == "DOWN" and m[1] == ref)[3])
