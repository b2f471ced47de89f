# A class body does not enclose the functions and comprehensions inside
# it: their free names skip the class's own bindings and reach the
# enclosing function's variables (found by the emit fuzzer: the compiler
# reported an internal error when a method's free variable was also bound
# in its class body).


def outer():
    a = 'outer a'

    class a:
        def a(self):
            return a
        b = [lambda: a for _ in range(1)]
    return a


r = outer()
print(r.__qualname__, r().a().__qualname__, r.b[0]().__qualname__)


def f():
    x = 'f.x'

    class C:
        x = 'C.x'
        items = [x for _ in range(2)]
        pairs = [(x, y) for y in range(2)]

        def m(self):
            return x
        lam = [lambda: x for _ in range(1)]

        def g(self, n):
            return [x * n for _ in range(n)]
    return C.x, C.items, C.pairs, C().m(), C.lam[0](), C().g(2)


print(f())


def counter():
    count = 0

    class Counter:
        count = 100

        def bump(self):
            nonlocal count
            count += 1
            return count

        def peek(self):
            return count, self.count
    c = Counter()
    c.bump()
    c.bump()
    return c.peek()


print(counter())
