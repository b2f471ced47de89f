# Zero-argument super() in defs, lambdas, comprehensions and generator
# expressions nested in methods, and where CPython raises instead.
class A:
    def f(self): return "A.f"
class B(A):
    def f(self):
        g = lambda: super().f()
        try:
            return g()
        except Exception as e:
            return repr(e)
    def f2(self):
        g = lambda x: super().f()
        try:
            return g(self)
        except Exception as e:
            return repr(e)
    def c(self):
        try:
            return [super().f() for _ in range(1)]
        except Exception as e:
            return repr(e)
    def k(self):
        def inner():
            return super().f()
        try:
            return inner()
        except Exception as e:
            return repr(e)
    def m(self):
        def inner(s):
            return super().f()
        try:
            return inner(self)
        except Exception as e:
            return repr(e)
    def m2(self):
        def inner(s):
            return super().f()
        try:
            return inner(3)
        except Exception as e:
            return repr(e)
    def n(self):
        def inner(*a):
            return super().f()
        try:
            return inner(self)
        except Exception as e:
            return repr(e)
    def g(self):
        def gen():
            yield super().f()
        try:
            return list(gen())
        except Exception as e:
            return repr(e)
    def w(self):
        x = self
        def inner():
            return super(B, x).f()
        return inner()
b = B()
for name in "f f2 c k m m2 n g w".split():
    print(name, getattr(b, name)())

class A2:
    def f(self): return "A.f"
    @classmethod
    def cm(cls): return "A.cm " + cls.__name__
class B2(A2):
    def ge(self):
        try:
            return list(super().f() for _ in range(1))
        except Exception as e:
            return repr(e)
    def deep(self):
        def l1(a):
            def l2(b):
                return super().f()
            return l2(a)
        return l1(self)
    def lam(self):
        return (lambda me: super().f())(self)
    def star(*args):
        try:
            return super().f()
        except Exception as e:
            return repr(e)
    def kwonly(self):
        def inner(*, k):
            return super().f()
        try:
            return inner(k=self)
        except Exception as e:
            return repr(e)
    @classmethod
    def cm(cls):
        def inner(c):
            return super().cm()
        return inner(cls)
    def other(self):
        def inner(o):
            return super().f()
        try:
            return inner(A2())
        except Exception as e:
            return repr(e)
def plain(x):
    try:
        return super().f()
    except Exception as e:
        return repr(e)
b = B2()
for name in "ge deep lam star kwonly cm other".split():
    print(name, getattr(b, name)())
print(plain(1))
try:
    super()
except Exception as e:
    print(repr(e))
class C(A2):
    try:
        super()
    except Exception as e:
        print(repr(e))


# super() run by the class body itself (the class is not made yet), and
# a lambda stored as a method.
class A3(A):
    try:
        x = [super() for i in range(1)]
    except Exception as e:
        print(repr(e))
    try:
        y = (lambda: super())()
    except Exception as e:
        print(repr(e))
    try:
        z = (lambda s: super())(1)
    except Exception as e:
        print(repr(e))
    try:
        w = list(super() for i in range(1))
    except Exception as e:
        print(repr(e))
    f = lambda self: "lambda method, then " + super().f()


def module_comp():
    return [super() for i in range(1)]


try:
    module_comp()
except Exception as e:
    print(repr(e))
print(A3().f())
