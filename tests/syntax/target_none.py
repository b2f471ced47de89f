# expect-error: 2:1: E0101: cannot assign to None
None = 1
