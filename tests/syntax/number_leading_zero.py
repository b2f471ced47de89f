# expect-error: 2:5: E0106: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
n = 0777
