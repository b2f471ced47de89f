# expect-error: 6:10: E0302: eval() is not supported by Aithon: programs are compiled ahead of time
# expect-error: 7:1: E0302: exec() is not supported by Aithon: programs are compiled ahead of time
# Dynamic code cannot be compiled ahead of time.

expr = "1 + 2"
result = eval(expr)
exec("g = globals()")
print(result, len(g))
