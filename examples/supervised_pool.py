# A supervised worker pool (the aithon actor API).
#
# Four workers run under a one_for_one supervisor, each registered under
# its own name. The main process dispatches jobs to idle workers and
# watches each one with a monitor while it works. Some jobs are poison:
# the worker that takes one crashes. The supervisor starts a fresh worker
# under the same name, the dispatcher notes the failed job and carries on,
# and every other job still gets done.
import aithon


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def worker(name):
    aithon.register(name)
    while True:
        _, client, ref, (job_id, n) = aithon.receive()
        if n <= 0:
            raise ValueError("poison job %d (n=%d)" % (job_id, n))
        aithon.send(client, ("done", ref, collatz_steps(n)))


def wait_for(name):
    # A restarted worker registers its name again shortly.
    while True:
        pid = aithon.whereis(name)
        if pid is not None:
            return pid
        try:
            aithon.receive(timeout=0.001, match=lambda m: False)
        except aithon.Timeout:
            pass


names = ["worker-%d" % i for i in range(4)]
sup = aithon.supervisor(
    [aithon.child(name, worker, name) for name in names],
    strategy="one_for_one",
    max_restarts=10,
    max_seconds=5,
)
sup_ref = aithon.monitor(sup)

jobs = [(i, n) for i, n in enumerate([27, 97, 0, 871, 6171, -5, 77031, 12, 0, 837799, 9, 230631])]
me = aithon.self()
pending = list(jobs)
idle = list(names)
busy = {}  # monitor ref -> (worker name, job)
results = {}
failed = []
while pending or busy:
    while pending and idle:
        name = idle.pop(0)
        job = pending.pop(0)
        pid = wait_for(name)
        ref = aithon.monitor(pid)
        busy[ref] = (name, job)
        aithon.send(pid, ("job", me, ref, job))
    msg = aithon.receive()
    if msg[0] == "done":
        _, ref, steps = msg
        aithon.demonitor(ref)
        name, (job_id, n) = busy.pop(ref)
        results[job_id] = (n, steps)
        idle.append(name)
    elif msg[0] == "DOWN":
        _, ref, pid, reason = msg
        name, (job_id, n) = busy.pop(ref)
        failed.append((job_id, name, str(reason)))
        idle.append(name)

print("results:")
for job_id in sorted(results):
    n, steps = results[job_id]
    print("  job %2d: collatz(%d) takes %d steps" % (job_id, n, steps))
print("failed:")
for job_id, name, reason in sorted(failed):
    print("  job %2d: %s" % (job_id, reason))
print("longest:", max(results.values(), key=lambda r: r[1]))

# Every worker crash was followed by a restart: the pool is whole again.
children = aithon.which_children(sup)
print("workers:", [name for name, pid in children], all(pid is not None for _, pid in children))
print("supervisor alive:", aithon.is_alive(sup))
aithon.stop(sup, "shutdown")
print("pool shut down:", aithon.receive(match=lambda m: m[0] == "DOWN" and m[1] == sup_ref)[3])
