# expect-error: 2:5: E0101: cannot delete function call
del f()
