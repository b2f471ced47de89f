# aithon: restart intensity is a sliding window — restarts older than
# max_seconds no longer count.
import aithon
import time


def worker():
    aithon.send("main", ("started", aithon.self()))
    aithon.receive()
    raise ValueError("crash")


def crash_and_wait(sup):
    # Crash the current child and wait for its replacement (or none).
    pid = aithon.which_children(sup)[0][1]
    aithon.send(pid, "crash")
    try:
        new = aithon.receive(timeout=5, match=lambda m: m[0] == "started")[1]
        return new != pid
    except aithon.Timeout:
        return False


aithon.register("main")
sup = aithon.supervisor([aithon.child("w", worker)], max_restarts=1, max_seconds=1.5)
ref = aithon.monitor(sup)
aithon.receive(match=lambda m: m[0] == "started")
print("first crash, restarted:", crash_and_wait(sup))
time.sleep(2.5)  # the first restart leaves the window
print("second crash, restarted:", crash_and_wait(sup))
# Two restarts within 1.5 s: one too many.
print("third crash, restarted:", crash_and_wait(sup))
print("supervisor:", aithon.receive(match=lambda m: m[0] == "DOWN")[3])
