# expect-error: 2:5: E0105: unterminated string literal (detected at line 2)
s = 'abc
t = 1
