# expect-error: 3:7: E0101: closing parenthesis ')' does not match opening parenthesis '[' on line 2
x = [1,
     2)
