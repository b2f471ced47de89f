# Files: writing, appending and reading text and binary data with open(),
# `with` blocks, line iteration, readline/readlines, universal newlines.

path = "/tmp/aithon_text_files_" + str(id(object()) % 100000) + ".txt"
with open(path, "w") as f:
    print(type(f).__name__, f.mode, f.name == path, f.closed)
    f.write("first line\n")
    f.write("second, with ünïcödé\n")
    f.writelines(["third\n", "fourth\r\n", "fifth\rsixth"])
    print("hello from print", 42, sep=" | ", file=f)
print("closed after with:", f.closed)

with open(path, "a", encoding="utf-8") as f:
    n = f.write("appended 日本\n")
    print("wrote", n, "characters")

with open(path) as f:
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.read(5)), repr(f.readline()))
    rest = f.readlines()
print(rest)

count = 0
for line in open(path, encoding="utf-8"):
    count += 1
    print(f"{count:2}: {line.rstrip()!r} ({len(line)} chars)")

with open(path, "rb") as f:
    raw = f.read()
print(type(raw).__name__, len(raw), raw[:20], raw.count(b"\r"))
print(raw.decode("utf-8").splitlines()[2:5])

with open(path, "wb") as f:
    f.write(bytes(range(10)))
    f.write(bytearray(b"\xff\xfe"))
with open(path, "rb") as f:
    print(f.read(4), f.read(), f.read())

with open(path, "w", newline="") as f:
    f.write("a\nb\r\nc\rd")
with open(path, newline="") as f:
    print(f.readlines())
with open(path, "r") as f:
    print(f.read().split("\n"))

for bad in ["/nonexistent/dir/file.txt", "/tmp"]:
    try:
        open(bad)
    except OSError as e:
        print(type(e).__name__, e)
try:
    open(path, "rw")
except ValueError as e:
    print("ValueError", e)
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
