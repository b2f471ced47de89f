# match in every kind of block: module level, class bodies, closures,
# generators, coroutines, loops with break/continue, try/finally.
import asyncio


class Shape:
    kind = "triangle"
    match kind:
        case "square":
            sides = 4
        case "triangle":
            sides = 3


print(Shape.sides)


def adder(spec):
    match spec:
        case (a, b):
            def add():
                return a + b
            return add
        case n:
            return lambda: n


print(adder((2, 3))(), adder(10)())


def evaluate(ops):
    for op in ops:
        match op:
            case {"op": "add", "args": [p, q]}:
                yield p + q
            case {"op": "neg", "args": [p]}:
                yield -p
            case {"op": "stop"}:
                break
            case {"op": "skip"}:
                continue
            case {"op": name}:
                yield f"unknown {name}"


print(list(evaluate([{"op": "add", "args": [1, 2]}, {"op": "skip"}, {"op": "neg", "args": [5]},
                     {"op": "mul"}, {"op": "stop"}, {"op": "add", "args": [9, 9]}])))


def with_cleanup(v):
    try:
        match v:
            case int():
                return "int"
            case _:
                raise ValueError(v)
    finally:
        print("  cleanup for", repr(v))


print(with_cleanup(1))
try:
    with_cleanup("x")
except ValueError as e:
    print("ValueError", e)


async def classify(item):
    await asyncio.sleep(0)
    match item:
        case [first, *rest]:
            first.append(len(rest))
            return "list"
        case _:
            return "other"


async def main():
    data = [[], 1, 2]
    print(await asyncio.gather(classify(data), classify(5)))
    print(data)


asyncio.run(main())

counter = 0
for value in [1, "a", 2.0, None]:
    match value:
        case int() | float():
            counter += 1
print("numbers:", counter)

# The subject can be a bare tuple, with starred items.
a, b = 1, 2
match a, b:
    case (1, 2):
        print("tuple subject")
match *[1, 2], 3:
    case [*init, last]:
        print("starred subject", init, last)
