# Introspection of classes and instances: bound/unbound access, slot
# wrappers of builtin types, __mro__, __subclasses__, error messages.

def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)
class A:
    f = len
    g = lambda self: "lambda bound"
    def m(self, x): return x
    @staticmethod
    def s(x): return x * 2
    @classmethod
    def make(cls): return cls()
    def __repr__(self): return "A()"
class B(A): pass
a = A()
t(lambda: a.f("abc"))
t(lambda: a.g())
t(lambda: a.m())
t(lambda: a.m(1, 2))
t(lambda: A.m(1))
t(lambda: a.s(4))
t(lambda: type(B.make()).__name__)
t(lambda: B().make().__class__.__name__)
t(lambda: repr(a.m))
t(lambda: repr(A.make))
t(lambda: issubclass(1, A))
t(lambda: isinstance(a, (int, (str, A))))
class E(Exception):
    def __init__(self, code):
        super().__init__(code)
def r():
    raise E
t(r)
class BadStr(Exception):
    def __str__(self):
        raise ValueError("boom")
t(lambda: str(BadStr()))
class Cal:
    __call__ = staticmethod(lambda x: x + 1)
t(lambda: Cal()(5))
t(lambda: A.__init__(a))
t(lambda: a.__init__())
t(lambda: a.__str__())
t(lambda: a.__eq__(a))
t(lambda: a.__hash__() == hash(a))
t(lambda: a.__class__.__mro__)
t(lambda: A.__doc__)
t(lambda: a.__module__)
t(lambda: (5).__add__(3))
t(lambda: [1,2].__len__())
t(lambda: "ab".__contains__("a"))
t(lambda: int.__add__(2, 3))
t(lambda: object.__new__(A).__class__.__name__)
t(lambda: A.__name__)
t(lambda: B.__base__)
t(lambda: B.__subclasses__())
