# Tracebacks through comprehensions and inline generator expressions show
# their own <listcomp>/<dictcomp>/<setcomp>/<genexpr> frame, as CPython's
# (the comprehension is a function there); the last one is uncaught.
import re
import traceback
def bad(x):
    if x == 3:
        raise ValueError(f"bad {x}")
    return x
def gen():
    yield 1
    raise KeyError("from gen")
cases = [
    lambda: [bad(x) for x in range(5)],
    lambda: {x: bad(x) for x in range(5)},
    lambda: {bad(x) for x in range(5)},
    lambda: sum(bad(x) for x in range(5)),
    lambda: list(bad(x) for x in range(5)),
    lambda: sorted(bad(x) for x in range(5)),
    lambda: any(bad(x) > 5 for x in range(5)),
    lambda: [[bad(y) for y in range(x)] for x in range(5)],
    lambda: [x for x in gen()],
    lambda: [x for x in 5],
    lambda: [y for x in range(2) for y in gen()],
    lambda: [x for x in range(5) if bad(x)],
    lambda: list(x for x in gen()),
    lambda: [
        bad(x)
        for x in range(5)
    ],
]
for c in cases:
    try:
        c()
    except Exception:
        for line in traceback.format_exc().splitlines():
            if set(line.strip()) <= set("^~"):
                continue
            print(re.sub(r'File ".*?([^/"]+)"', r'File "\1"', line))
print([bad(x) for x in range(3)])
data = ["1", "2", "x"]
nums = [int(s) for s in data]
