# __slots__: member descriptors, no instance dict when every class has
# slots, subclasses without __slots__ get a dict again.

class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    pass
q = Q(2); q.z = 5; print(q.z, q.__dict__)
class R(P):
    __slots__ = ["w"]
r = R(1); r.w = 2
try:
    r.k = 1
except AttributeError as e:
    print("AttributeError:", e)
print(P.__slots__, type(P.x).__name__)
class S:
    __slots__ = "only"
s = S(); s.only = 1; print(s.only)
try:
    class T:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
del p.x
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(p)
except TypeError as e:
    print("TypeError:", e)
class W:
    __slots__ = ("a", "__dict__")
w = W(); w.b = 1; print(w.b)
