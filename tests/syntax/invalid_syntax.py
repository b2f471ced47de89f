# expect-error: 2:5: E0101: invalid syntax
x = = 1
