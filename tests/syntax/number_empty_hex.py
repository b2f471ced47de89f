# expect-error: 2:7: E0106: invalid hexadecimal literal
n = 0x
