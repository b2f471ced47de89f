# expect-error: 2:5: E0101: can't use starred expression here
x = *a
