# expect-error: 2:9: E0106: invalid digit '2' in binary literal
n = 0b102
