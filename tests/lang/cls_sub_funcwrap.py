# Subclasses of staticmethod and classmethod (a traced classmethod, an
# abstractclassmethod, one overriding __get__), bound as their bases are.
class mystatic(staticmethod):
    pass
class traced(classmethod):
    def __init__(self, f):
        super().__init__(f)
        self.calls = 0
class abstractclassmethod(classmethod):
    __isabstractmethod__ = True
    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)
class verbose_static(staticmethod):
    def __get__(self, obj, owner=None):
        print("get via", owner.__name__)
        return super().__get__(obj, owner)
class K:
    @mystatic
    def s(x): return x * 2
    @traced
    def c(cls, y): return f"{cls.__name__}:{y}"
    @verbose_static
    def v(): return "v"
class K2(K): pass
print(K.s(2), K().s(3), K.c(1), K2.c(2), K2().c(3), K.v(), type(K.__dict__["c"]).__name__, K.__dict__["c"].calls)
print(isinstance(K.__dict__["s"], staticmethod), K.__dict__["s"].__func__.__name__, K.__dict__["c"].__func__.__qualname__)
from abc import ABC
class Base(ABC):
    @abstractclassmethod
    def make(cls): ...
class Impl(Base):
    @classmethod
    def make(cls): return cls()
try:
    Base()
except TypeError as e:
    print("TypeError:", e)
print(type(Impl.make()).__name__)
