import queue
from queue import Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty, Full
from dataclasses import dataclass, field
from typing import Any

q: Queue[int] = Queue()
for i in range(5):
    q.put(i * i)
print(q.qsize(), q.empty(), q.full(), q.maxsize)
out = []
while not q.empty():
    out.append(q.get())
    q.task_done()
print(out)
q.join()
try:
    q.get_nowait()
except queue.Empty as e:
    print("empty", repr(e), type(e).__name__, Empty.__module__)
try:
    q.get(timeout=0.01)
except Empty:
    print("empty after timeout")
try:
    q.get(timeout=-1)
except ValueError as e:
    print(e)
try:
    q.task_done()
except ValueError as e:
    print(e)
b = Queue(maxsize=2)
b.put('a'); b.put_nowait('b')
print(b.full(), b.qsize())
try:
    b.put_nowait('c')
except Full as e:
    print("full", repr(e))
try:
    b.put('c', timeout=0.01)
except queue.Full:
    print("full after timeout")
l = LifoQueue()
for c in "abc":
    l.put(c)
print([l.get() for _ in range(3)], l.queue)

@dataclass(order=True)
class Job:
    priority: int
    item: Any = field(compare=False)

p = PriorityQueue()
for pr, name in [(3, "low"), (1, "high"), (2, "mid"), (1, "high2")]:
    p.put(Job(pr, name))
while not p.empty():
    j = p.get()
    print(j.priority, j.item)
p.put((2, 'x')); p.put((1, 'y'))
print(p.queue, p.get())
s = SimpleQueue()
s.put(1); s.put_nowait(2)
print(s.qsize(), s.get(), s.get_nowait(), s.empty())
try:
    s.get(block=False)
except Empty:
    print("simple empty")
print(isinstance(Empty(), Exception), issubclass(Full, Exception))

class Stack(Queue):
    def _init(self, maxsize):
        self.queue = []
    def _put(self, item):
        self.queue.append(item)
    def _get(self):
        return self.queue.pop()
st = Stack()
st.put(1); st.put(2)
print(st.get(), st.get())
# BFS with a queue, as in graph scripts
graph = {'A': ['B', 'C'], 'B': ['D'], 'C': ['D', 'E'], 'D': ['F'], 'E': ['F'], 'F': []}
seen = {'A'}
bq = Queue()
bq.put('A')
order = []
while not bq.empty():
    n = bq.get()
    order.append(n)
    for m in graph[n]:
        if m not in seen:
            seen.add(m)
            bq.put(m)
print(order)
print(Queue[int], queue.SimpleQueue[str])
