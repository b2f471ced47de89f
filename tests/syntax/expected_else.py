# expect-error: 2:5: E0101: expected 'else' after 'if' expression
x = a if b
