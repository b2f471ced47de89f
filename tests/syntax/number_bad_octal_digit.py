# expect-error: 2:8: E0106: invalid digit '8' in octal literal
n = 0o78
