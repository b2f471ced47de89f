# aithon: the main process is a process too — linked to a child that
# crashes, and not trapping exits, it ends with the child's reason: the
# program stops with a one-line report on stderr and status 1.
import aithon


def child(n):
    if n == 0:
        aithon.receive()
        raise OverflowError("counted down to zero")
    aithon.send("main", ("tick", n))
    child(n - 1)


aithon.register("main")
pid = aithon.spawn_link(child, 3)
for _ in range(3):
    print(aithon.receive())
aithon.send(pid, "go")
aithon.receive()
print("not reached")
