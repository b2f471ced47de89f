# expect-error: 2:7: E0106: invalid decimal literal
n = 12abc
