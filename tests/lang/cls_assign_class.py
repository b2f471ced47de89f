# Assigning __class__: between classes whose instances share a layout (the
# state pattern), CPython's errors otherwise.
class A: pass
class B: pass
class S: __slots__=('x',)
class T: __slots__=('x',)
class U: __slots__=('y',)
class L(list): pass
class L2(list):
    def total(self): return sum(self)
a=A()
for v in [1, int, S, L]:
    try: a.__class__ = v
    except TypeError as e: print(e)
s=S(); s.x = 5
s.__class__ = T; print(type(s).__name__, s.x)
try: s.__class__ = U
except TypeError as e: print(e)
try: del a.__class__
except TypeError as e: print(e)
a.__class__ = B; print(type(a).__name__, isinstance(a, B), isinstance(a, A))
l = L([1, 2, 3]); l.__class__ = L2; print(l.total(), type(l).__name__, l)

class State:
    def __init__(self): self.log = []
    def handle(self, ev):
        raise NotImplementedError
class Idle(State):
    def handle(self, ev):
        self.log.append(f"idle:{ev}")
        if ev == "start":
            self.__class__ = Running
class Running(State):
    def handle(self, ev):
        self.log.append(f"run:{ev}")
        if ev == "stop":
            self.__class__ = Idle
    def speed(self): return 10
m = Idle()
for ev in ["noop", "start", "tick", "stop", "tick"]:
    m.handle(ev)
print(m.log, type(m).__name__, hasattr(m, "speed"))
m.__class__ = Running
print(m.speed(), m.handle.__func__.__qualname__)
class WithMethodShadow:
    def f(self): return "class"
class Other:
    def f(self): return "other"
w = WithMethodShadow(); w.g = 1
w.__class__ = Other
print(w.f(), w.g, vars(w))
