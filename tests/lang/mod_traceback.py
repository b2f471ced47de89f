import io
import re
import sys
import traceback


def clean(text):
    return re.sub(r'File "[^"]*?([^/"]+)"', r'File "\1"', text)


def inner(x):
    if x > 2:
        raise ValueError('x too big: %d' % x)
    inner(x + 1)


def outer():
    inner(0)


class AppError(Exception):
    pass


try:
    outer()
except ValueError:
    print(clean(traceback.format_exc()))
    t, v, tb = sys.exc_info()
    print([clean(s) for s in traceback.format_tb(tb)])
    print([(fs.name, fs.lineno, fs.line) for fs in traceback.extract_tb(tb)])
    print([fs.name for fs in traceback.extract_tb(tb, limit=2)], [fs.name for fs in traceback.extract_tb(tb, limit=-1)])
    print(traceback.format_exception_only(t, v), traceback.format_exception_only(v))
    print(repr(traceback.extract_tb(tb)[0]).startswith('<FrameSummary file '), tuple(traceback.extract_tb(tb)[-1])[2:])

try:
    try:
        raise KeyError('missing')
    except KeyError as e:
        raise AppError('wrapped') from e
except AppError as e:
    print(clean(''.join(traceback.format_exception(e))))
    print(clean(''.join(traceback.format_exception(type(e), e, e.__traceback__, chain=False))))
    te = traceback.TracebackException.from_exception(e)
    print(str(te), te.exc_type.__name__, type(te.__cause__).__name__, [clean(x) for x in te.format_exception_only()])

try:
    try:
        raise ZeroDivisionError('division by zero')
    except ZeroDivisionError:
        int('x')
except ValueError:
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(clean(buf.getvalue()))

try:
    raise OSError(2, 'No such file')
except OSError as e:
    e.__notes__ = ['while opening config']
    print(traceback.format_exception_only(e))
    buf = io.StringIO()
    traceback.print_exception(e, file=buf)
    print(clean(buf.getvalue()))


def recurse(n):
    if n == 0:
        raise RecursionError('deep')
    recurse(n - 1)


try:
    recurse(8)
except RecursionError:
    print(clean(traceback.format_exc()))
print(repr(traceback.format_exc()))
print(traceback.format_list([('a.py', 1, 'f', 'x = 1'), ('b.py', 2, 'g', None)]))
import json
try:
    json.loads('{bad')
except ValueError as e:
    print(traceback.format_exception_only(e))
