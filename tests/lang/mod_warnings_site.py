# warnings.warn() reports its caller's file and line, with the source
# line, as CPython does; the default filters; 'default' shows a warning
# once per line; the recorded WarningMessage carries the place.
import os
import warnings
from warnings import warn


def check(x):
    if x < 0:
        warnings.warn("negative value %d" % x)
    return abs(x)


class Old:
    def method(self):
        warn("Old.method is old", DeprecationWarning)
        return 1


check(-1)
for i in range(3):
    check(-2)          # the same line: shown once
Old().method()
warnings.warn(
    "spread over lines",
    RuntimeWarning)
warnings.warn("pending", PendingDeprecationWarning)   # ignored by default
warn(UserWarning("an instance"))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    check(-3)
    check(-3)
    warn("recorded", FutureWarning)
for w in caught:
    print(os.path.basename(w.filename), w.lineno, w.category.__name__, w.message)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        check(-4)
    except UserWarning as e:
        print("raised:", e)
print("done")
