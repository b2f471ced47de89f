from typing import *
import typing
class M(TypedDict):
    a: int
    b: str
print(type(M(a=1, b='x')), M(a=1, b='x'), M.__annotations__, sorted(M.__required_keys__), M.__total__)
T = TypeVar('T')
class Stack(Generic[T]):
    def __init__(self): self.items = []
    def push(self, item: T) -> None: self.items.append(item)
print(Stack[int], Stack.__parameters__, Stack[int]().items, List[int], List, Dict[str, List[int]], Optional[int], Union[int, str], Union[int], Callable[[int], str], Callable[..., int], Tuple[int, ...], Tuple[()], Literal['a', 1], Any, Annotated[int, 'x'], ClassVar[int], Final[int], T, Type[int], Set[int], Iterable[str], Sequence, type(List[int]))
class P(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return self.x + self.y
print(P(1), P(1, 2).norm(), P._fields, P.__annotations__, type(P), P.__mro__)
print(isinstance([], List), isinstance({}, typing.Mapping), get_origin(List[int]), get_args(Dict[str, int]), get_args(Optional[int]), get_origin(Optional[int]))
try: isinstance([], List[int])
except TypeError as e: print(e)
UserId = NewType('UserId', int); print(UserId(5), UserId, type(UserId))
def f(x: 'int', y: List['str']) -> None: pass
print(get_type_hints(f))
print(Optional[List[int]], Union[int, None, str], int | None == Optional[int], Optional[int] == Union[int, None])
print(repr(typing.Union), repr(typing.Optional), typing.Callable, typing.Dict)
def process(items: List[Dict[str, Any]], limit: Optional[int] = None) -> Tuple[int, str]:
    return (len(items), "ok")
print(process([{}]), process.__annotations__['limit'])
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
Point = NamedTuple('Point', [('x', int), ('y', int)]); print(Point(1, 2), Point)
Vector = List[float]
def scale(s: float, v: Vector) -> Vector: return [s * x for x in v]
print(scale(2.0, [1.0, 2.5]), cast(int, "x"), TYPE_CHECKING)
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(3), get_type_hints(P), Stack.__orig_bases__, Generic)
class Pair(Generic[T]):
    def __init__(self, a: T, b: T): self.a, self.b = a, b
print(Pair[str]('a', 'b').a, Pair.__class_getitem__, Dict[str, T][int] if False else '')
