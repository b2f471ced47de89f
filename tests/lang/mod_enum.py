from enum import Enum, IntEnum, Flag, IntFlag, auto, StrEnum, unique
class Perm(Flag):
    R = 4
    W = 2
    X = 1
class C(Enum):
    RED = 1
    GREEN = 2
print(list(Perm.R|Perm.X), repr(Perm.R|Perm.W), str(Perm.R|Perm.W), repr(Perm(0)), str(Perm(0)), Perm.R in (Perm.R|Perm.W), len(Perm.R|Perm.X), bool(Perm(0)))
print(repr(~Perm.R), list(Perm))
try: Perm(8)
except ValueError as e: print(repr(str(e)))
print(C.RED in C, C(1), C['RED'], repr(C), type(C), f'{C.RED}', format(C.RED, '>12'), hash(C.RED) == hash('RED'))
try: C(5)
except ValueError as e: print(e)
try: C['X']
except KeyError as e: print('KE', e)
try: C.RED = 5
except AttributeError as e: print(e)
class N(IntEnum):
    A = auto()
    B = auto()
print(repr(N.A), str(N.A), f'{N.B}', N.A + 1, N.B == 2, list(N), N(2))
class IP(IntFlag):
    R = 4
    W = 2
print(repr(IP.R|IP.W), str(IP.R|IP.W), IP.R | 8, repr(IP(9)))
class S(StrEnum):
    X = auto()
print(repr(S.X), str(S.X), S.X == 'x')
class Pl(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
print(Pl.EARTH.mass, Pl.EARTH.value, repr(Pl.EARTH))
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
class D(Enum):
    A = 1
    B = 1
print(list(D), D.B, D(1), D.__members__)
F = Enum('F', 'X Y Z'); print(list(F), F.Y.value, repr(F))
F2 = Enum('F2', [('A', 10), ('B', 20)]); print(list(F2))
print(Perm.__members__, [m.name for m in Perm])
class Z(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B
print(list(Z), repr(Z.AB), repr(Z.A|Z.B|Z.C), list(Z.AB))
try:
    class E2(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
print(C.RED.name, C.RED.value, C.RED._name_, isinstance(C.RED, C), type(C.RED))
class Shape(Enum):
    SQUARE = 'sq'
    CIRCLE = 'ci'
    def describe(self): return f"{self.name.lower()} ({self.value})"
    @classmethod
    def default(cls): return cls.SQUARE
print(Shape.CIRCLE.describe(), Shape.default(), Shape('ci'), len(Shape), [s.value for s in Shape])
print(sorted([N.B, N.A]), max(N), N.A < N.B, {C.RED: 'r'}[C.RED], C.RED is C(1), C.GREEN != C.RED)
class Col(Enum):
    R = auto(); G = auto()
    def __str__(self): return self.name.lower()
print(Col.G, Col.G.value, repr(Col.R))
