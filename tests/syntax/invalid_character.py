# expect-error: 2:7: E0107: invalid character '€' (U+20AC)
x = a € b
