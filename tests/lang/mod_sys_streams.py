# The standard streams: sys.stdout.write and print share one buffer, so
# their output interleaves in program order; print(file=...) writes to any
# object with a write method; sys.stdin at end of input reads as empty.
import sys

class Collector:
    def __init__(self):
        self.chunks = []

    def write(self, text):
        self.chunks.append(text)
        return len(text)

    def flush(self):
        self.chunks.append("<flush>")

print("one")
n = sys.stdout.write("two\n")
print("three", n)
sys.stdout.writelines(["four", " ", "five\n"])
print("six", "seven", sep=", ", end=".\n", file=sys.stdout)
sys.stdout.flush()

c = Collector()
print("hello", 42, 3.5, None, file=c)
print("a", "b", sep="", end="", file=c, flush=True)
print(file=c)
print(c.chunks)

print("to stderr", 1, 2, file=sys.stderr)
sys.stderr.write("direct stderr line\n")
print(sys.stdout.write("caf\u00e9\n"))

print(repr(sys.stdout), repr(sys.stderr), repr(sys.stdin))
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stdin.readable(), sys.stdout.writable())
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines())
for line in sys.stdin:
    print("unexpected", line)

print(sys.maxsize, sys.byteorder, sys.platform, sys.maxunicode)
print(sys.version_info[:2] >= (3, 8), sys.version_info.major, sys.version_info.releaselevel)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.default_max_str_digits)
print(sys.getrecursionlimit())
sys.setrecursionlimit(10000)
print(sys.getrecursionlimit())
s = "".join(["inter", "ned"])
print(sys.intern(s) is sys.intern("interned"))
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), sys.exception() is v)
print(sys.exc_info(), sys.exception())
for bad in [lambda: sys.stdout.write(5), lambda: sys.setrecursionlimit(0),
            lambda: sys.intern(5), lambda: print("x", file=7), lambda: sys.exit(1, 2)]:
    try:
        bad()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
