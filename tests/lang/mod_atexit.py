# atexit: handlers run last-registered first after the main code (and
# after sys.exit), with their arguments; unregister; a handler that
# raises is reported and the others still run.
import atexit, sys

def bye(name, punct="!"):
    print("bye", name + punct)

atexit.register(bye, "world")
atexit.register(bye, "kw", punct="?")

@atexit.register
def first():
    print("registered last, runs first")

class Boom:
    def __call__(self):
        print("boom runs")
        {}["missing"]
    def __repr__(self):
        return "<Boom>"
atexit.register(Boom())
def gone():
    print("never")
atexit.register(gone)
atexit.register(gone)
atexit.unregister(gone)
try:
    atexit.register(3)
except TypeError as e:
    print(e)
print("main done")
sys.exit(3)
