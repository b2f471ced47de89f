# expect-error: 2:5: E0101: cannot assign to literal
for 1 in x:
    pass
