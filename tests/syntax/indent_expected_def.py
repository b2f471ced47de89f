# expect-error: 4:1: E0102: expected an indented block after function definition on line 2
def f():

return 1
