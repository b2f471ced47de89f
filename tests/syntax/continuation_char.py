# expect-error: 2:8: E0101: unexpected character after line continuation character
x = 1 \ + 2
