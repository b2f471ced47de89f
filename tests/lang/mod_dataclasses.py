from dataclasses import *
import dataclasses
from typing import List, Optional, ClassVar
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
print(P(1), P(1, 2, ['a']), P(1) == P(1), fields(P)[0].name, [f.name for f in fields(P)])
try: P()
except TypeError as e: print(e)
try: P(1, 2, [], 4)
except TypeError as e: print(e)
try: P(1, z=3)
except TypeError as e: print(e)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e: print(e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e: print(e)
@dataclass(frozen=True, order=True)
class F:
    a: int
    b: str = 'q'
f = F(1)
try: f.a = 2
except FrozenInstanceError as e: print(repr(e), e)
print(F(1) < F(2), sorted([F(3), F(1, 'z'), F(1)]), hash(F(1)) == hash(F(1)), replace(f, b='r'), asdict(f), astuple(f))
try: F(1) < 5
except TypeError as e: print(e)
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int
print(K(1, c=2))
try: K(1, 2)
except TypeError as e: print(e)
try: K(1)
except TypeError as e: print(e)
@dataclass
class Post:
    a: int
    b: int = field(init=False)
    def __post_init__(self): self.b = self.a * 2
print(Post(3), P.__match_args__, is_dataclass(P), is_dataclass(P(1)))
print(P.__init__.__qualname__, P.__repr__.__qualname__, P.y, hasattr(P, 'tags'))
@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    owner: Optional[str] = None
    count: ClassVar[int] = 0
    def add(self, item): self.items.append(item); Inventory.count += 1
inv = Inventory("box"); inv.add("pen"); inv.add("cup"); print(inv, Inventory.count, [f.name for f in fields(Inventory)])
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
n = Node(1, [Node(2), Node(3, [Node(4)])])
print(n, asdict(n))
@dataclass
class Base:
    a: int
    b: int = 2
@dataclass
class Derived(Base):
    c: int = 3
    a: int = 10
print(Derived(), Derived(1, 2, 3), fields(Derived)[0].default)
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), hash(NoEq(1)) != 0)
@dataclass(unsafe_hash=True)
class H:
    v: int
print(hash(H(5)) == hash((5,)))
@dataclass(slots=True)
class S:
    p: int
    q: int = 1
s = S(2); print(s, S.__slots__)
try: s.r = 1
except AttributeError as e: print("AttributeError")
M = make_dataclass('M', [('x', int), ('y', int, field(default=5))]); print(M(1), M)
print(Field, repr(fields(P)[1].default), fields(P)[2].default_factory is list)
@dataclass
class WithIV:
    x: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale): self.x *= scale
print(WithIV(3), WithIV(3, 10))
