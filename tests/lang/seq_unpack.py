# Unpacking: tuples, lists, strings, ranges and iterators into names,
# starred targets, nested targets, swaps and loops.

a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)

x, y, z = [10, 20, 30]
print(x + y + z)
first, second = "hi"
print(first, second)
lo, mid, hi = range(3)
print(lo, mid, hi)
p, q = iter([7, 8])
print(p, q)

head, *tail = [1, 2, 3, 4]
print(head, tail)
*init, last = (1, 2, 3, 4)
print(init, last)
left, *middle, right = "abcdef"
print(left, middle, right)
only, *rest = [5]
print(only, rest)
*everything, = range(4)
print(everything)
a, *b, c, d = range(10, 15)
print(a, b, c, d)

# nested targets
(n1, n2), n3 = (1, 2), 3
print(n1, n2, n3)
[k, [v1, v2]] = ["key", (4, 5)]
print(k, v1, v2)

# in for loops
pairs = [("one", 1), ("two", 2), ("three", 3)]
for word, number in pairs:
    print(word, number)
for i, (word, number) in enumerate(pairs):
    print(i, word * number)
for head, *tail in [[1], [2, 3], [4, 5, 6]]:
    print(head, tail)

# rotating with slices and unpacking
items = [1, 2, 3, 4, 5]
first, *others = items
items = others + [first]
print(items)

def min_max(seq):
    s = sorted(seq)
    return s[0], s[-1]

smallest, largest = min_max([4, -2, 9, 0])
print(smallest, largest)

def stats(values):
    total = sum(values)
    return len(values), total, total / len(values)

count, total, mean = stats([2, 4, 9])
print(count, total, mean)

# fibonacci with tuple assignment
f0, f1 = 0, 1
fibs = []
for _ in range(15):
    fibs.append(f0)
    f0, f1 = f1, f0 + f1
print(fibs)

# swapping list items
arr = [3, 1, 2]
arr[0], arr[2] = arr[2], arr[0]
print(arr)
i = 0
i, arr[i] = 1, 9
print(i, arr)
