# An exception escaping an imported module's body: the traceback shows the
# import line, then the module's frames (with the module's file), as
# CPython's does (importlib's own frames removed).
import helper

print(helper.safe_div(6, 3))
try:
    helper.safe_div(1, 0)
except ZeroDivisionError as err:
    print('caught:', err)
import broken
print('not reached')
