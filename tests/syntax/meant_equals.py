# expect-error: 2:4: E0101: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
if x = 1:
    pass
