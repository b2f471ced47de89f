# Small algorithms over lists: binary search, merging, deduplication,
# prefix sums, a prime sieve, a stack-based bracket checker, and a
# queue simulation.

def bisect_left(seq, x):
    lo, hi = 0, len(seq)
    while lo < hi:
        mid = (lo + hi) // 2
        if seq[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo

data = [1, 3, 3, 5, 8, 13, 21]
print([bisect_left(data, x) for x in (0, 3, 4, 21, 22)])

def merge(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if b[j] < a[i]:
            out.append(b[j])
            j += 1
        else:
            out.append(a[i])
            i += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out

print(merge([1, 4, 9], [2, 3, 10, 11]), merge([], [1]), merge([5], []))

def dedupe(seq):
    seen = []
    for x in seq:
        if x not in seen:
            seen.append(x)
    return seen

print(dedupe([3, 1, 3, 2, 1, 3]), dedupe("mississippi"))

def prefix_sums(seq):
    out = [0]
    for x in seq:
        out.append(out[-1] + x)
    return out

ps = prefix_sums([2, 7, 1, 8, 2, 8])
print(ps, ps[5] - ps[2])

def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            is_prime[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_prime) if p]

print(sieve(60))

def balanced(text):
    stack = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in ")]}":
            want = "([{"[")]}".index(ch)]
            if not stack or stack.pop() != want:
                return False
    return not stack

print([balanced(s) for s in ["(a[b]{c})", "(]", "((", "", "x)"]])

queue = [("ann", 3), ("bob", 1), ("cy", 2)]
clock = 0
finished = []
while queue:
    name, work = queue.pop(0)
    clock += 1
    if work > 1:
        queue.append((name, work - 1))
    else:
        finished.append((name, clock))
print(finished)

# running maximum and the positions where it changes
temps = [3, 5, 4, 8, 8, 2, 9, 1]
best = []
for i, t in enumerate(temps):
    if not best or t > best[-1][1]:
        best.append((i, t))
print(best, max(temps), temps.index(max(temps)))
print(sorted(temps)[-3:], sorted(enumerate(temps))[-2:])
