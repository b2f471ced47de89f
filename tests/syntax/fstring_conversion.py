# expect-error: 2:10: E0109: f-string: invalid conversion character: expected 's', 'r', or 'a'
s = f'{x!z}'
