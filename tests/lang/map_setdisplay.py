# Set displays of three or more constants. CPython folds {1, 2, 3} into
# a frozenset constant and merges that into a new set; the merge sizes the
# table for the whole constant at once, which can place colliding keys
# differently from adding the items one at a time (what a display with a
# variable in it does). As a loop's iterable or the right operand of `in`,
# the frozenset constant itself is used: one add at a time again.

print({-1, -2, -3, 7, 15, 23, 31})
x = -1
print({x, -2, -3, 7, 15, 23, 31})

print({15, 31, 0, 1, 2})
y = 15
print({y, 31, 0, 1, 2})
for n in {15, 31, 0, 1, 2}:
    print(n, end=" ")
print()
print([n * 2 for n in {15, 31, 0, 1, 2}])
print(list({15, 31, 0, 1, 2}))
print(31 in {15, 31, 0, 1, 2}, 3 not in {15, 31, 0, 1, 2})

masks = {0x10, 0x20, 0x01, 0x02, 0x40}
print(masks, sorted(masks))
print({(1, 2), (3, 4), (5, 6)} == {(5, 6), (3, 4), (1, 2)})
print({100, 8, 16, 3, 24, 32} | {y})
