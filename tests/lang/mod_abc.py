from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self): return f"{type(self).__name__} with area {self.area()}"
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
try: Shape()
except TypeError as e: print(e)
class Half(Shape):
    def area(self): return 1
try: Half()
except TypeError as e: print(e)
print(Sq(3).describe(), isinstance(Sq(1), Shape), issubclass(Sq, Shape), Shape.__abstractmethods__ == {'area','perimeter'})
class Duck(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Duck: return hasattr(C, 'quack')
        return NotImplemented
class D:
    def quack(self): pass
print(isinstance(D(), Duck), isinstance(3, Duck))
class Reg(ABC): pass
Reg.register(int)
print(isinstance(3, Reg), issubclass(bool, Reg), isinstance('x', Reg))
print(type(Shape), Sq.__abstractmethods__)
class P(ABC):
    @property
    @abstractmethod
    def x(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
print(sorted(P.__abstractmethods__))
print(int.__dict__['__add__'], '__hash__' in list.__dict__, list.__dict__['__hash__'], 'append' in list.__dict__)
