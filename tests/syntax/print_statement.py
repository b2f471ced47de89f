# expect-error: 2:1: E0101: Missing parentheses in call to 'print'. Did you mean print(...)?
print 'hello'
