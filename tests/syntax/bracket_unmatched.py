# expect-error: 2:11: E0101: unmatched ')'
x = (1, 2))
