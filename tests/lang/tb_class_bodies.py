# Tracebacks through class bodies show the body's own frame (named after the
# class), then the class statement's line, as CPython's; also through a try
# or a comprehension inside a class body, and for a failing decorator.
import traceback
class Config:
    try:
        value = int("x")
    except ValueError:
        value = 0
        trace = traceback.format_exc()
    with open("/dev/null") as fh:
        data = fh.read()
    items = [int(c) for c in "123"]
print(Config.value, Config.items, [l.strip() for l in Config.trace.splitlines() if l.strip().startswith("File")][0].endswith("line 4, in Config"))
def make():
    class Local:
        def method(self):
            return 1 / 0
        try:
            [1][5]
        except IndexError as e:
            err = e
            tb_lines = traceback.format_exception(type(e), e, e.__traceback__)
    return Local
L = make()
print([l.split(", ")[-1].splitlines()[0] for l in L.tb_lines if "File" in l])
try:
    class Broken:
        x = {}["missing"]
except KeyError:
    print([l.split(", ")[-1].strip() for l in traceback.format_exc().splitlines() if "File" in l])
def deco(f):
    raise ValueError("in deco")
def ok(f):
    return f
try:
    @ok
    @deco
    @ok
    def g(): pass
except ValueError:
    print([l.split(", ")[-1] if "File" in l else l.strip() for l in traceback.format_exc().splitlines()
           if "File" in l or l.startswith("    @")])
class Outer:
    class Inner:
        v = [1 / n for n in (1, 0)]
