# expect-error: 2:5: E0105: bytes can only contain ASCII literal characters
b = b'café'
