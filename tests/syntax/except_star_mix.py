# expect-error: 6:1: E0101: cannot have both 'except' and 'except*' on the same 'try'
try:
    pass
except ValueError:
    pass
except* TypeError:
    pass
