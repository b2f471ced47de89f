import time
import timeit
calls = []
def f():
    calls.append(1)
t = timeit.timeit(f, number=100)
print(type(t).__name__, t >= 0, len(calls))
r = timeit.repeat(f, setup=lambda: calls.clear(), repeat=3, number=10)
print(len(r), all(x >= 0 for x in r), len(calls))
tm = timeit.Timer(lambda: sum(range(100)))
n, tt = tm.autorange()
print(n >= 1, tt >= 0.2)
seen = []
ticks = iter(range(0, 1000, 1))
fake = timeit.Timer(f, timer=lambda: next(ticks) ** 2 * 0.01)
print(fake.autorange(lambda n, t: seen.append(n)), seen)
print(timeit.timeit(number=10) >= 0, timeit.default_timer is time.perf_counter)
try:
    timeit.Timer(3)
except ValueError as e:
    print(e)
