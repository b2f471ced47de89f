# expect-error: 5:1: E0203: 'return' outside function
# Scope errors are CPython's SyntaxErrors, found before code generation.

x = 1
return x
