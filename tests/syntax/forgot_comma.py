# expect-error: 3:6: E0101: invalid syntax. Perhaps you forgot a comma?
x = [1,
     2
     3]
