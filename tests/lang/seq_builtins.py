# The iteration builtins: enumerate, zip, map, filter, reversed, iter,
# next, min, max, sum, any, all, on lists, tuples, ranges and strings.

names = ["ada", "bo", "cyd", "dee"]
scores = [88, 92, 79, 92]

for i, name in enumerate(names):
    print(i, name)
print(list(enumerate(names, 1)), list(enumerate("xy", start=-2)))

print(list(zip(names, scores)))
print(list(zip(names, scores, range(100))))
print(list(zip()), list(zip("ab")))
table = list(zip(*[(1, "a"), (2, "b"), (3, "c")]))
print(table)

def double(x):
    return 2 * x

def add(a, b):
    return a + b

print(list(map(double, scores)), list(map(add, scores, range(10, 14))))
print(list(map(str, range(4))), list(map(abs, (-1, 2, -3))))

def passed(score):
    return score >= 80

print(list(filter(passed, scores)), list(filter(None, [0, 1, "", "x", [], [0], None])))
print(list(reversed(names)), list(reversed((1, 2, 3))), list(reversed(range(0, 20, 5))))

it = iter(names)
print(next(it), next(it), list(it), next(it, "done"))
r = iter(range(3))
print(next(r), next(r), next(r), next(r, None))

print(min(scores), max(scores), min(3, 1, 2), max("hello"))
print(max(names, key=len), min(names, key=len), max([], default="empty"))

def second(p):
    return p[1]

best = max(zip(names, scores), key=second)
print(best, min(zip(names, scores), key=second))
print(max([1, 1.0]), min([1.0, 1]), max((2, "a"), (2, "b")))

print(sum(scores), sum(scores, 100), sum([0.1] * 10), sum([1, 2.5, 3]))
print(sum([[1], [2, 3], []], []), sum(((1,), (2,)), ()), sum(range(101)))
print(sum([1e16, 1.0, -1e16]), sum([True, True, False]), sum([], 0.0))

print(any([0, 0.0, ""]), any([0, 2]), all([1, "a", [0]]), all([1, 0]), all([]), any([]))
print(any(x > 90 for x in scores), all(x > 70 for x in scores))

# lazy: nothing is computed until iterated
log = []

def noisy(x):
    log.append(x)
    return x * 10

m = map(noisy, [1, 2, 3])
print(log)
print(next(m), log)
print(list(m), log)

# the objects themselves
print(type(enumerate([])), type(zip()), type(map(abs, [])), type(filter(None, [])))
print(type(iter([])), type(iter(())), type(iter(range(1))), type(reversed([])))
print(type(reversed(range(2))), type(reversed((1,))), type(iter(range(2 ** 70))))
