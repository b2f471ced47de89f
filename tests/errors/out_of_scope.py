# expect-error: 6:10: E0302: eval() is not supported by Aithon: programs are compiled ahead of time
# expect-error: 7:5: E0301: globals() of a module is not supported yet where it is kept or written (read it at once: globals()[name], name in globals(), globals().get(name), f(**globals()))
# Dynamic code cannot be compiled ahead of time.

expr = "1 + 2"
result = eval(expr)
g = globals()
print(result, len(g))
