# expect-error: 2:2: E0101: cannot use assignment expressions with attribute
(x.y := 1)
