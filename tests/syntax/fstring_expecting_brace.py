# expect-error: 2:9: E0109: f-string: expecting '}'
s = f'{x'
