# expect-error: 2:5: E0105: cannot mix bytes and nonbytes literals
s = 'a' b'b'
