# Generators count toward the recursion limit as frames do: a generator
# that resumes another without end raises RecursionError (it used to
# grow until the OOM killer came), and legitimate nesting below the
# limit still works.


def walk(n):
    if n:
        yield n
        yield from walk(n - 1)


def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    for child in range(2):
        for item in tree(depth - 1):
            yield f"{child}/{item}"


def forever(n):
    yield from forever(n + 1)


print(sum(walk(997)))
print(len(list(tree(10))), next(tree(3)))
try:
    print(sum(walk(998)))
except RecursionError as e:
    print("walk(998):", e)
try:
    next(forever(0))
except RecursionError as e:
    print("forever:", e)
squares = (x * x for x in walk(500))
print(sum(squares))
next(forever(0))
