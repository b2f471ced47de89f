# Slices: reading, assigning and deleting with every kind of step, on
# lists, tuples and ranges, and slice objects themselves.

data = list(range(10))
print(data[2:5], data[:3], data[7:], data[-3:], data[:-7])
print(data[::2], data[1::2], data[::-1], data[8:2:-2], data[-1:-4:-1])
print(data[100:], data[-100:2], data[5:2], data[::100])

# slice assignment may change the length
work = data[:]
work[2:5] = ["a", "b"]
print(work, len(work))
work[:0] = [-2, -1]
print(work)
work[len(work):] = [10, 11]
print(work)
work[3:3] = "xy"
print(work)

# extended slices must match in size
ext = list(range(8))
ext[::2] = [0, 20, 40, 60]
print(ext)
ext[::-3] = "ABC"
print(ext)

# deleting slices
gone = list(range(12))
del gone[::3]
print(gone)
del gone[-1:-6:-2]
print(gone)
del gone[:2]
print(gone)
del gone[:]
print(gone)

# a list assigned into itself
self_ref = [1, 2, 3]
self_ref[1:2] = self_ref
print(self_ref)
self_ref[::-1] = self_ref
print(self_ref)

# tuples and ranges slice to their own type
t = ("q", "w", "e", "r", "t", "y")
print(t[1:4], t[::-2], t[:], t[4:100], t[-2:])
r = range(3, 30, 3)
print(r[2:5], r[::-1], r[1::3], list(r[-3:]), r[5], r[-1])
print(range(10)[::-2], list(range(10)[::-2]))

# slice objects
s = slice(1, 7, 2)
print(s, s.start, s.stop, s.step)
print(data[s], t[s], r[s])
print(slice(4), slice(None, None, -1), slice("a", "b"))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-20, 20).indices(6))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3))
every_other = slice(None, None, 2)
print(data[every_other], t[every_other])

def window(seq, size):
    out = []
    for i in range(len(seq) - size + 1):
        out.append(seq[i:i + size])
    return out

print(window([1, 2, 3, 4, 5], 3))
print(window((9, 8, 7), 2))
