# expect-error: 2:8: E0101: expected ':'
while x
    pass
