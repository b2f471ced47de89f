# expect-error: 2:12: E0101: non-default argument follows default argument
def f(a=1, b):
    pass
