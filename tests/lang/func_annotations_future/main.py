from __future__ import annotations
x: List[int] = 5
def f(a: Foo, b: dict[str,  int] = None) -> "Bar":
    return a
print(__annotations__)
print(f.__annotations__)
class P:
    x: Undefined
    y: float = 1.5
print(P.__annotations__)
def k(a: 'quoted', b: Tuple[int, ...], c: A | B | None, *d: List[()]) -> Callable[[int], str]:
    pass
print(k.__annotations__)
