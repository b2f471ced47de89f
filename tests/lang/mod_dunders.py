"""Every module has __name__, __doc__, __file__ and __builtins__ (issue 10:
53 of 60 real programs end with the `if __name__ == "__main__":` idiom)."""
import builtins


def describe():
    # read from a function: plain global loads
    return '%s / %s' % (__name__, __doc__.split()[0])


class Report:
    def where(self):
        return __name__


print(__name__, describe(), Report().where())
print(__file__.endswith('mod_dunders.py'), __file__.startswith('/'))
print(__package__, __builtins__ is builtins, __builtins__.len('abc'))
print(Report.__module__, repr(Report), Report.__qualname__)
print(builtins.max(3, 4), builtins.__name__, getattr(builtins, 'True') is True)
print(callable(getattr(builtins, 'print')), hasattr(builtins, 'no_such_builtin'))
print(sorted(n for n in dir(builtins) if n in ('len', 'print', 'ValueError', 'zip')))


def main():
    total = 0
    for i in range(5):
        total += i
    print('main ran:', total)


if __name__ == "__main__":
    main()
else:
    print('imported')

__name__ = 'renamed'
print(__name__, describe())
del __doc__
try:
    print(__doc__)
except NameError as e:
    print('NameError:', e)
