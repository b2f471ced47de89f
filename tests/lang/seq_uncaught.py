# An uncaught error from unpacking inside a loop: the output before it
# appears, then CPython's traceback and exit status 1.

def parse(line):
    name, value = line.split("=")
    return name.strip(), int(value)

settings = []
for line in ["width = 80", "height=24", "depth"]:
    settings.append(parse(line))
    print(settings[-1])
print("never printed")
