# exit() and quit() (the site module's builtins) raise SystemExit(code):
# the script ends with the message on stderr and status 1.
import sys
def finish(ok):
    print("finishing", ok)
    if not ok:
        exit("failed!")
    quit()
try:
    exit(1, 2)
except TypeError as e:
    print(e)
for f in (lambda: exit(code=4), lambda: quit(), lambda: exit(3)):
    try:
        f()
    except SystemExit as e:
        print("SystemExit", e.code, e.args)
print(callable(exit), exit.__name__ if False else "")
finish(False)
