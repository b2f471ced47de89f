# expect-error: 5:26: E0201: assignment expression cannot be used in a comprehension iterable expression
# No := in a comprehension's iterable (even the first, evaluated outside).

data = [3, 1, 2]
total = [x * 2 for x in (s := sorted(data))]
print(total, s)
