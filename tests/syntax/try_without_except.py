# expect-error: 4:1: E0101: expected 'except' or 'finally' block
try:
    pass
x = 1
