# Sorting: list.sort and sorted with keys, reverse, stability, and
# records sorted by several fields.

nums = [5, 2, 9, 1, 5, 6, -3, 0, 2]
print(sorted(nums), nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)

def magnitude(x):
    return abs(x)

print(sorted([-7, 3, -1, 4, -4, 0], key=magnitude))
print(sorted([-7, 3, -1, 4, -4, 0], key=magnitude, reverse=True))

words = ["banana", "Apple", "cherry", "date", "Elder", "fig", "apple"]
print(sorted(words))

def lower(w):
    return w.lower()

def length(w):
    return len(w)

print(sorted(words, key=lower))
print(sorted(words, key=length))
print(sorted(words, key=length, reverse=True))

# stability: sort by the secondary key first, then by the primary one
people = [("ann", 31, "oslo"), ("bob", 25, "rome"), ("cy", 31, "lima"),
          ("di", 25, "oslo"), ("ed", 40, "rome"), ("flo", 25, "lima")]

def age(p):
    return p[1]

def city(p):
    return p[2]

by_city = sorted(people, key=city)
by_age_then_city = sorted(by_city, key=age)
for p in by_age_then_city:
    print(p)

# tuples compare item by item, so they sort by several fields at once
def age_then_name(p):
    return (-p[1], p[0])

print([p[0] for p in sorted(people, key=age_then_name)])

# floats, mixed ints and floats, and tuples
print(sorted([2.5, -1.0, 3, 0.5, 2, True]))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted("hello world"))
print(sorted(range(5, 0, -1)), sorted((3, 1, 2), key=None))

# a large, partly ordered list
big = []
for i in range(3000):
    big.append((i * 7919) % 1000)
big.extend(range(500, 0, -1))
big.sort()
ok = True
for i in range(1, len(big)):
    if big[i - 1] > big[i]:
        ok = False
print(len(big), big[:5], big[-5:], ok)

# sort keys are computed once per item
calls = []

def traced(x):
    calls.append(x)
    return -x

print(sorted([3, 1, 2], key=traced), calls)
