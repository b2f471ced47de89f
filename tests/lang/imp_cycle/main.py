# Import cycles that work in CPython work here: a module being imported
# is in sys.modules, partly initialised, when another module imports it
# back; main.py imported by name is a second module, run again.
import sys
print('main.py runs as', __name__)
import alpha
print('alpha.beta is beta:', alpha.beta is sys.modules['beta'])
print(alpha.ping(3))
print(alpha.beta.pong(2))
print(alpha.seen_from_beta)

import main
print('main is __main__:', main is sys.modules['__main__'], main.__name__)

# A module whose body raises is not imported: importing it again runs it
# again.
for attempt in range(2):
    try:
        import flaky
    except ZeroDivisionError as err:
        print('flaky failed:', err, 'flaky' in sys.modules)
import flaky_fixed
print(flaky_fixed.VALUE, 'flaky' in sys.modules)

try:
    import partial_user
except ImportError as err:
    print(type(err).__name__, str(err).split(' (')[0])
    print('most likely due to a circular import' in str(err))
try:
    from alpha import no_such_name
except ImportError as err:
    print(type(err).__name__, str(err).split(' (')[0])
