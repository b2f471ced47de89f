# expect-error: 2:7: E0101: named arguments must follow bare *
def f(*, **kw):
    pass
