"""Doc."""
x: int = 5
y: "str"
def f(a: int, /, b: list[int] = [], *args: str, c: dict[str, int] | None = None, **kw: float) -> tuple[int, ...]:
    z: int = 3
    return (a,)
print(__annotations__)
print(f.__annotations__)
def g(): pass
print(g.__annotations__)
g.__annotations__['q'] = 1
print(g.__annotations__)
class P:
    """P doc"""
    x: int
    y: float = 1.5
    if True:
        z: list[str] = []
    def m(self, q: "P") -> None: ...
print(P.__annotations__, P.y, 'x' in P.__dict__)
print(P.m.__annotations__)
print(list(P.__dict__)[:5])
class Q:
    pass
print('__annotations__' in Q.__dict__)
def h(x: int | None = None) -> list[dict[str, int]]:
    return []
print(h.__annotations__)
