# expect-error: 2:6: E0107: invalid non-printable character U+00A0
x = 1 + 2
