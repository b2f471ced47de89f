import contextlib, io, sys, heapq, string
from contextlib import contextmanager, suppress, redirect_stdout, ExitStack, closing, nullcontext
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("b") as t: print("inside", t)
try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e: print("caught", e)
@contextmanager
def swallow():
    try: yield
    except KeyError: print("swallowed")
with swallow(): raise KeyError('k')
with suppress(ZeroDivisionError): 1 / 0
print("after suppress")
buf = io.StringIO()
with redirect_stdout(buf):
    print("hidden", 42)
    print("more")
print(repr(buf.getvalue()))
with ExitStack() as stack:
    for n in ("x", "y"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    print("body")
class Res:
    def close(self): print("closed")
with closing(Res()) as r: print("using", type(r).__name__)
with nullcontext(5) as v: print(v)
@tag("deco")
def f(): print("in f")
f()
s = io.StringIO("line1\nline2\nline3")
print(s.readline(), s.read(3), s.tell(), s.readlines())
s = io.StringIO(); s.write("abc"); s.write("def"); s.seek(2); s.write("Z"); print(s.getvalue(), s.tell())
print(list(io.StringIO("a\nb\n")))
b = io.BytesIO(b"hello"); b.seek(0, 2); b.write(b" world"); print(b.getvalue(), b.tell())
h = []
for x in [5, 1, 8, 3, 9, 2]: heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [7, 2, 9, 4]; heapq.heapify(data); print(data, heapq.nlargest(2, data), heapq.nsmallest(2, [(3,'c'),(1,'a'),(2,'b')]))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), heapq.heappushpop([1, 3], 2), heapq.heapreplace([1, 3], 0))
try: heapq.heappop([])
except IndexError as e: print("IndexError", e)
print(string.ascii_letters, string.digits, string.punctuation, string.capwords("hello  big world"))
t = string.Template("$who likes ${what} for $$5")
print(t.substitute(who="tim", what="ham"), t.safe_substitute(who="ann"))
try: t.substitute(who="x")
except KeyError as e: print("KeyError", e)
try: string.Template("bad $ here").substitute()
except ValueError as e: print(e)
print(string.Formatter().format("{0}-{name!r:>6}", 1, name="n"), list(string.Formatter().parse("a{b}c{d:>3}")))
