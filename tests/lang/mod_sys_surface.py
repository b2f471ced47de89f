import sys
print(sys.getsizeof(1), sys.getsizeof(0), sys.getsizeof(2**100), sys.getsizeof(1.0), sys.getsizeof(''), sys.getsizeof('abc'), sys.getsizeof('é'), sys.getsizeof(()), sys.getsizeof((1,2)), sys.getsizeof([]), sys.getsizeof(None), sys.getsizeof(b'ab'), sys.getsizeof({}), sys.getsizeof({'a':1}), sys.getsizeof(set()), sys.getsizeof(True))
print(sys.flags.optimize, sys.float_repr_style, sys.hash_info.width, sys.maxsize, sys.getrefcount(object()) > 0, sys.gettrace(), sys.warnoptions)

sys.displayhook(5)
print(type(sys.argv).__name__, len(sys.argv) >= 1, isinstance(sys.argv[0], str))
print(sys.version_info[:2] >= (3, 8), sys.version_info.major, type(sys.version).__name__)
print(sys.platform, sys.byteorder, sys.maxunicode)
print('sys' in sys.modules, '__main__' in sys.modules, type(sys.path).__name__)
old = sys.getrecursionlimit()
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError', e)
print(sys.stdout.write('x\n'))
sys.stdout.flush()
print(sys.stdin.__class__.__name__, sys.stderr.fileno(), sys.stdout.fileno())
print(sys.exc_info())
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), sys.exception() is v)
print(sys.hexversion > 0x030800f0, sys.implementation.name != '', sys.float_info.max, sys.int_info.bits_per_digit)
try:
    sys.exit(3)
except SystemExit as e:
    print('exit', e.code)
