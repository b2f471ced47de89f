# sys.stdout.close(): later writes, flushes and prints raise CPython's
# ValueError; stderr still works; closing twice is allowed.
import sys

print("before", sys.stdout.closed)
sys.stdout.close()
sys.stdout.close()
for what, op in [("write", lambda: sys.stdout.write("x")), ("flush", sys.stdout.flush),
                 ("writelines", lambda: sys.stdout.writelines(["a"])),
                 ("print file=", lambda: print("y", file=sys.stdout))]:
    try:
        op()
    except ValueError as e:
        print(what, type(e).__name__, e, file=sys.stderr)
print("closed:", sys.stdout.closed, sys.stderr.closed, file=sys.stderr)
print("after")
