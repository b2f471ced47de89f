# expect-error: 3:1: E0102: expected an indented block after 'if' statement on line 2
if x:
pass
