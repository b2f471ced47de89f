# expect-error: 3:5: E0102: unexpected indent
x = 1
    y = 2
