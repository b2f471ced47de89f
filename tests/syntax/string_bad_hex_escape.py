# expect-error: 2:5: E0105: (unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \xXX escape
s = 'ab\x4'
