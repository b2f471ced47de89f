# aithon: crash reports — an unlinked, unmonitored process that raises is
# reported on stderr with its traceback; the program carries on.
import aithon
import time


def divide(a, b):
    return a / b


def average(values):
    return divide(sum(values), len(values))


def lookup(table, key):
    try:
        return table[key]
    except KeyError as exc:
        raise LookupError("no entry for " + repr(key)) from exc


def wait_end(pid):
    while aithon.is_alive(pid):
        time.sleep(0.002)


p = aithon.spawn(average, [])
wait_end(p)
print("average crashed:", p)

p = aithon.spawn(lookup, {"a": 1}, "b")
wait_end(p)
print("lookup crashed:", p)

# Linked (and trapping) or monitored: no report, the watcher is told.
aithon.trap_exits(True)
p = aithon.spawn_link(average, [])
print("linked:", aithon.receive()[2])
p, ref = aithon.spawn_monitor(lookup, {}, "x")
print("monitored:", aithon.receive()[3])


class Fragile(aithon.GenServer):
    def handle_cast(self, request):
        raise AssertionError("cannot handle " + repr(request))


s = Fragile.start()
aithon.cast(s, "cast")
wait_end(s)
print("server crashed:", s)

# Ending with aithon.exit() or returning is not a crash.
p = aithon.spawn(aithon.exit, "bye")
q = aithon.spawn(divide, 1, 2)
wait_end(p)
wait_end(q)
print("done")
