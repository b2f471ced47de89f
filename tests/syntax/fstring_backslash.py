# expect-error: 2:9: E0109: f-string expression part cannot include a backslash
s = f'{"\n".join(x)}'
