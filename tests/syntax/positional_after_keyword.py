# expect-error: 2:8: E0101: positional argument follows keyword argument
f(x=1, 2)
