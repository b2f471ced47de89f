# The time module: clocks move forward, sleep waits at least as long as
# asked, and the calendar functions agree with the C library (UTC only, so
# the output does not depend on the machine's time zone).
import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
n0 = time.perf_counter_ns()
time.sleep(0.02)
elapsed = time.perf_counter() - p0
print("slept enough:", elapsed >= 0.02, time.monotonic() - m0 >= 0.02)
print("ns clock:", time.perf_counter_ns() - n0 >= 20_000_000, type(time.time_ns()).__name__)
print("wall clock sane:", time.time() >= t0, abs(time.time() - time.time_ns() / 1e9) < 1.0)
print("cpu clocks:", time.process_time() >= 0, time.thread_time_ns() >= 0)

start = time.process_time()
total = 0
for i in range(200000):
    total += i * i
print("work:", total, time.process_time() >= start)

epoch = time.gmtime(0)
print(epoch)
print(epoch.tm_year, epoch.tm_wday, epoch.tm_zone, epoch[:3], len(epoch))
moon = time.gmtime(-14182940)
print(time.strftime("%Y-%m-%d %H:%M:%S (%A, day %j)", moon))
print(time.asctime(moon))
billion = time.gmtime(1_000_000_000.75)
print(time.strftime("%d %b %Y %I:%M %p", billion), billion.tm_sec)
print(time.strftime("%Y-%m-%d", (2024, 2, 29, 12, 0, 0, 3, 60, 0)))
t = time.struct_time((2000, 1, 1, 0, 0, 0, 5, 1, 0))
print(t, t.tm_mday, t == (2000, 1, 1, 0, 0, 0, 5, 1, 0))
year, month, day, *rest = time.gmtime(86400 * 365)
print(year, month, day, rest)
for bad in [lambda: time.sleep(-1), lambda: time.sleep("1"), lambda: time.gmtime(float("nan")),
            lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)),
            lambda: time.strftime("%Y", (2020, 1)), lambda: time.mktime("x")]:
    try:
        bad()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
