# expect-error: 2:1: E0101: cannot assign to literal here. Maybe you meant '==' instead of '='?
1 = x
