# expect-error: 2:3: E0101: Generator expression must be parenthesized
f(a for a in b, c)
