# threading: green threads switching where they wait (join, locks, queues,
# events, conditions, semaphores, barriers, sleep); outputs that do not
# depend on preemption.
import threading, queue, time

def worker(n, out):
    out.append(n * n)
out = []
ts = [threading.Thread(target=worker, args=(i, out)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out), [t.name for t in ts], ts[0].is_alive(), threading.active_count())

counter = 0
lock = threading.Lock()
def inc(k):
    global counter
    for _ in range(k):
        with lock:
            counter += 1
threads = [threading.Thread(target=inc, args=(1000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter, lock.locked())

q = queue.Queue()
results = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * 10)
        q.task_done()
c = threading.Thread(target=consumer, name='cons')
c.start()
for i in range(5):
    q.put(i)
q.put(None)
q.join()
c.join()
print(results, c.name, c.is_alive())

ev = threading.Event()
log = []
def waiter(i):
    log.append(f'wait {i}')
    ev.wait()
    log.append(f'go {i}')
ws = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for w in ws: w.start()
log.append('setting')
ev.set()
for w in ws: w.join()
print(log[:4], sorted(log[4:]))

def sleeper(d, name):
    time.sleep(d)
    log2.append(name)
log2 = []
ss = [threading.Thread(target=sleeper, args=(d, n)) for d, n in [(0.6, 'c'), (0.2, 'a'), (0.4, 'b')]]
for s in ss: s.start()
for s in ss: s.join()
print(log2)

cond = threading.Condition()
items = []
def producer():
    for i in range(3):
        with cond:
            items.append(i)
            cond.notify()
def cons2(out):
    got = 0
    while got < 3:
        with cond:
            cond.wait_for(lambda: items)
            out.append(items.pop(0))
            got += 1
o2 = []
t1 = threading.Thread(target=cons2, args=(o2,)); t1.start()
t2 = threading.Thread(target=producer); t2.start()
t1.join(); t2.join()
print(o2)
sem = threading.BoundedSemaphore(2)
active = []; peak = [0]
def limited(i):
    with sem:
        active.append(i)
        peak[0] = max(peak[0], len(active))
        time.sleep(0.01)
        active.remove(i)
ls = [threading.Thread(target=limited, args=(i,)) for i in range(5)]
for t in ls: t.start()
for t in ls: t.join()
print('peak', peak[0])
try:
    sem.release()
except ValueError as e:
    print(e)
r = threading.RLock()
with r:
    with r:
        print('reentrant ok')
try:
    threading.Lock().release()
except RuntimeError as e:
    print(e)
t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print(e)
t.start(); t.join()
try:
    t.start()
except RuntimeError as e:
    print(e)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), t.daemon)
tl = threading.local()
tl.x = 1
def see():
    tl.x = 2
    seen.append(tl.x)
seen = []
th = threading.Thread(target=see); th.start(); th.join()
print(tl.x, seen)
fired = []
tm = threading.Timer(0.01, lambda: fired.append('timer'))
tm.start(); tm.join()
tm2 = threading.Timer(10, lambda: fired.append('never')); tm2.start(); tm2.cancel(); tm2.join()
print(fired)
b = threading.Barrier(3)
order = []
def bw(i):
    order.append(('before', i))
    b.wait()
    order.append(('after', i))
bs = [threading.Thread(target=bw, args=(i,)) for i in range(3)]
for t in bs: t.start()
for t in bs: t.join()
print(sorted(order)[:3], len(order))
class MyThread(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))
mt = MyThread(100); mt.start(); mt.join(); print(mt.result)
def bg():
    time.sleep(0.3)
    print('background done')
threading.Thread(target=bg).start()
print('main exits')
import threading, time, queue  # part 2: timeouts, daemons, bounded queues
# deadlock detection
l = threading.Lock(); l.acquire()
print(l.acquire(timeout=0.2), l.acquire(False))
def stuck():
    threading.Event().wait()
t = threading.Thread(target=stuck, daemon=True); t.start()
t.join(0.2); print(t.is_alive(), repr(t).split(' ')[0])
print(threading.Event().wait(0.01))
# producer/consumer with bounded queue
q = queue.Queue(maxsize=2)
out = []
def prod():
    for i in range(6):
        q.put(i)
        out.append(('put', i))
def cons():
    for _ in range(6):
        out.append(('got', q.get()))
p = threading.Thread(target=prod); c = threading.Thread(target=cons)
p.start(); c.start(); p.join(); c.join()
print(sorted(x for x in out if x[0] == 'got'))
# generator inside a thread (not blocking inside it) works
def gen_user(res):
    res.append(sum(x for x in range(10)))
    def g():
        yield 1
        yield 2
    res.append(list(g()))
r = []
th = threading.Thread(target=gen_user, args=(r,)); th.start(); th.join(); print(r)
print(threading.get_ident() == threading.main_thread().ident, len(threading.enumerate()))
