try: open('/nonexist')
except OSError as e: print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, str(e), repr(e))
e = OSError(2, 'No such file', 'f'); print(e, e.args, type(e), e.filename, e.filename2)
e = OSError(2, 'x'); print(e, e.args, type(e))
e = OSError('plain'); print(e, e.args, e.errno)
e = OSError(13, 'denied', 'a', None, 'b'); print(e, type(e).__name__)
class MyErr(OSError): pass
m = MyErr(2, 'custom', 'p'); print(m, m.errno, type(m).__name__, m.args)
v = ValueError('x'); v.note = 5; print(v.note, v.__dict__)
try: v.missing
except AttributeError as ex: print(ex)
try:
    raise FileNotFoundError(2, 'gone', 'q.txt')
except FileNotFoundError as ex: print(ex, ex.filename)
print(OSError(5, 'io').errno, PermissionError(1, 'nope').strerror)
