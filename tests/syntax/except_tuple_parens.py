# expect-error: 4:8: E0101: multiple exception types must be parenthesized
try:
    pass
except A, B:
    pass
