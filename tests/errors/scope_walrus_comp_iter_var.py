# expect-error: 6:45: E0201: assignment expression cannot rebind comprehension iteration variable 'n'
# A := target in a comprehension binds in the enclosing function; it may not
# be one of the comprehension's own loop variables.

def squares(limit):
    return [n * n for n in range(limit) if (n := n + 1) < limit]

print(squares(4))
