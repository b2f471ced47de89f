# expect-error: 3:5: E0105: unterminated triple-quoted string literal (detected at line 5)
s = 1
t = """abc

u = 2
