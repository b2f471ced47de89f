# Runaway recursion ends in RecursionError. Aithon's limit is the stack,
# not 1000 frames, but the traceback is kept as CPython prints it at its
# limit: <module>, the innermost frames, "[Previous line repeated 996
# more times]".


def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)


def forever(n):
    return forever(n + 1)


print(countdown(500))
try:
    forever(0)
except RecursionError as e:
    print("caught:", e)
forever(0)
