# type(x) of the builtin is computed inline (the class in the header):
# every kind of value, small and big ints, bools, classes, builtins.
class A: pass
class B(int): pass
for v in [1, 2**70, -5, True, None, 1.5, "s", b"b", [1], (1,), {}, A(), B(3), A, int, type, len, print]:
    print(type(v), type(v) is int, type(v) == type)
def f(x): return type(x)
print(f(3), f(f))
