# io.TextIOWrapper over a binary stream: encoding, newline translation on
# write and read, readline/iteration, detach, errors; isinstance with the
# runtime's own text streams.
import io, sys
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding="utf-8")
print(w.write("héllo\nwörld\n"), repr(w), w.encoding, w.errors)
w.flush()
print(b.getvalue())
r = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\nd"))
print(r.readlines())
r = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\nd"), newline="")
print([line for line in r])
r = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\nd"), newline="\r")
print(r.readline(), repr(r.read(2)), repr(r.read()))
w = io.TextIOWrapper(io.BytesIO(), newline="\r\n", encoding="latin-1")
w.write("x\ny\n")
w.flush()
print(w.buffer.getvalue(), w.detach().getvalue())
try:
    w.write("z")
except ValueError as e:
    print(e)
r = io.TextIOWrapper(io.BytesIO(b"\xff\xfe"), encoding="utf-8")
try:
    r.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(io.TextIOWrapper(io.BytesIO(b"\xffab"), errors="replace").read())
for bad in [dict(newline="x"), dict(encoding=5), dict(encoding="nope")]:
    try:
        io.TextIOWrapper(io.BytesIO(), **bad)
    except Exception as e:
        print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO())
t.close()
print(t.closed)
try:
    t.write("x")
except ValueError as e:
    print(e)
with io.TextIOWrapper(io.BytesIO(b"line1\nline2\n")) as f:
    for line in f:
        print(repr(line))
print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stdout, io.TextIOBase),
      isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.TextIOWrapper),
      isinstance(io.BytesIO(), io.TextIOBase), isinstance(f, io.TextIOWrapper), io.TextIOWrapper.__module__)
