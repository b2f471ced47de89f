# expect-error: 4:1: E0103: inconsistent use of tabs and spaces in indentation
if x:
	a = 1
        b = 2
