# expect-error: 2:1: E0101: cannot assign to function call here. Maybe you meant '==' instead of '='?
f() = 1
