"""A program in three files: main.py imports helper and shapes; each
module's top-level code runs once, on first import, in CPython's order."""
import sys

print('main starts as', __name__)
import helper
import helper as h2
from helper import greet, counter as ctr, VERSION
import shapes
from shapes import Circle, area_sum

print(h2 is helper, helper.__name__, __name__)
print(greet('world'), VERSION)

# Module globals are shared: the module's own functions see assignments
# made from outside, and the importer sees the module's assignments.
print(helper.bump(), helper.bump(), helper.count)
helper.count = 100
print(helper.bump(), ctr)          # ctr is the old value, copied at import
helper.extra = 'set from main'
print(helper.show_extra())

c = Circle(2)
print(c, repr(Circle), Circle.__module__, type(c).__qualname__)
print(round(area_sum([Circle(1), shapes.Square(3)]), 3))
print(isinstance(c, shapes.Shape), shapes.Shape.count)

try:
    helper.fail('bad input')
except helper.HelperError as e:
    print('caught', type(e).__name__, e, type(e).__module__)

print(sorted(k for k in sys.modules if k in ('helper', 'shapes', '__main__', 'sys')))
print(sys.modules['helper'] is helper, sys.modules[__name__].__name__)
print(helper.__doc__)
print(shapes.__doc__)
print([n for n in dir(helper) if not n.startswith('__')])
print(getattr(helper, 'missing', 'default'))
try:
    helper.missing
except AttributeError as e:
    print(e)


def main():
    import helper as again       # a second import: the body does not run again
    print(again.count, again is helper)


if __name__ == '__main__':
    main()
