# expect-error: 2:8: E0109: f-string: empty expression not allowed
s = f'{}'
