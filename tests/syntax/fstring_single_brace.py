# expect-error: 2:8: E0109: f-string: single '}' is not allowed
s = f'a}b'
