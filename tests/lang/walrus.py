# Assignment expressions (:=): in conditions, loops, comprehensions (where
# the name binds in the enclosing function or module), slices and calls.
import random

data = [3, 8, 1, 9, 4, 7]
if (n := len(data)) > 5:
    print('long list', n)

# a while loop reading chunks
chunks = iter([[1, 2], [3], [], [4]])
total = 0
while (chunk := next(chunks)):
    total += sum(chunk)
print('total', total, 'last chunk', chunk)

# comprehensions: the target escapes to the enclosing scope
values = [y for x in data if (y := x * 2) > 8]
print(values, 'y is', y)


def first_big(items, limit):
    if any((hit := v) > limit for v in items):
        return hit
    return None


print(first_big(data, 5), first_big(data, 50))


def running(items):
    acc = 0
    sums = [acc := acc + v for v in items]
    return sums, acc


print(running([1, 2, 3, 4]))


class Config:
    size = (w := 3) * 2
    width = w


print(Config.size, Config.width)

print(data[(lo := 1):(hi := 4)], lo, hi)
random.seed(5)
print((r := random.randint(1, 6)) in range(1, 7), r == r)
print([(last := i) for i in range(3)], last)
