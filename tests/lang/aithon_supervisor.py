# aithon: a one_for_one supervisor — restart types, which_children,
# restart intensity.
import aithon


def worker(name):
    # Report to the main process, then serve until told otherwise.
    aithon.send("main", ("start", name, aithon.self()))
    while True:
        msg = aithon.receive()
        if msg == "crash":
            raise RuntimeError(name + " crashed")
        if msg == "quit":
            return "ignored return value"
        if msg == "shutdown":
            aithon.exit("shutdown")


def event():
    return aithon.receive(match=lambda m: m[0] == "start")


def children(sup):
    return [(name, pid is not None) for name, pid in aithon.which_children(sup)]


def pid_of(sup, name):
    return dict(aithon.which_children(sup))[name]


def tell_and_wait(pid, msg):
    # Monitor first, so that the DOWN says how it ended.
    ref = aithon.monitor(pid)
    aithon.send(pid, msg)
    return aithon.receive(match=lambda m: m[0] == "DOWN" and m[1] == ref)[3]


aithon.register("main")
sup = aithon.supervisor(
    [
        aithon.child("perm", worker, "perm"),
        aithon.child("trans", worker, "trans", restart="transient"),
        aithon.child("temp", worker, "temp", restart="temporary"),
        aithon.child("trans2", worker, "trans2", restart="transient"),
    ],
    strategy="one_for_one",
    max_restarts=2,
    max_seconds=60,
)
print(sorted(event()[1] for _ in range(4)))
print(children(sup))

# A permanent child is restarted whatever its reason, with a new pid.
old = pid_of(sup, "perm")
aithon.send(old, "quit")
print("perm restarted:", event()[1], pid_of(sup, "perm") != old)

# A transient child that ends normally (or with 'shutdown') stays down ...
print("trans ended:", tell_and_wait(pid_of(sup, "trans"), "quit"))
print("trans2 ended:", tell_and_wait(pid_of(sup, "trans2"), "shutdown"))
print(children(sup))

# ... a temporary child is never restarted and leaves the list.
print("temp ended:", tell_and_wait(pid_of(sup, "temp"), "crash"))
print(children(sup))

# Two restarts in the window are allowed (this is the second) ...
aithon.send(pid_of(sup, "perm"), "crash")
print("perm restarted:", event()[1])
# ... a third is one too many: the supervisor shuts down.
ref = aithon.monitor(sup)
last = pid_of(sup, "perm")
aithon.send(last, "crash")
tag, r, who, reason = aithon.receive(match=lambda m: m[0] == "DOWN")
print("supervisor:", reason, aithon.is_alive(sup), aithon.is_alive(last))
try:
    aithon.which_children(sup)
except aithon.CallError as exc:
    print("which_children:", exc.reason)

# Child specs are checked when they are made.
try:
    aithon.child("x", worker, restart="sometimes")
except ValueError as exc:
    print("ValueError:", exc)
try:
    aithon.supervisor([], strategy="all_at_once")
except ValueError as exc:
    print("ValueError:", exc)
