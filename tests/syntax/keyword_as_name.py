# expect-error: 2:7: E0101: invalid syntax
class = 1
