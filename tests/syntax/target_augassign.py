# expect-error: 2:1: E0101: 'tuple' is an illegal expression for augmented assignment
a, b += 1
