# C(args) of a plain class takes a short way (object.__new__, then the
# __init__ body); every way a class can stop being plain must still
# behave as CPython does.
import abc


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Empty:
    pass


class Defaults:
    def __init__(self, a, b=2, *, c=3):
        self.t = (a, b, c)


class BadInit:
    def __init__(self):
        return 5


def show(f):
    try:
        r = f()
        print(type(r).__name__, vars(r) if hasattr(r, '__dict__') else r)
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: P(1, 2))
show(lambda: P(1))
show(lambda: P(1, 2, 3))
show(lambda: P(1, y=5))
show(lambda: P(*[3, 4]))
show(lambda: Empty())
show(lambda: Empty(1))
show(lambda: Defaults(1))
show(lambda: Defaults(1, 5, c=6))
show(lambda: BadInit())


# __init__ replaced after instances were made: by another def, a lambda,
# a closure, a callable object, then deleted.
def other_init(self, x, y):
    self.sum = x + y


for i in range(3):
    show(lambda: P(i, 10))
P.__init__ = other_init
show(lambda: P(1, 2))
P.__init__ = lambda self, x, y: setattr(self, 'lam', x * y)
show(lambda: P(3, 4))


def make_init(k):
    def init(self, x, y):
        self.k = (k, x, y)
    return init


P.__init__ = make_init('closure')
show(lambda: P(5, 6))
del P.__init__
show(lambda: P(5, 6))
show(lambda: P())


# __new__ added to the class, and on a base after subclasses exist.
class Base:
    def __init__(self, v):
        self.v = v


class Sub(Base):
    pass


show(lambda: Sub(1))


def new(cls, *args):
    o = object.__new__(cls)
    o.made_by_new = args
    return o


Base.__new__ = new
show(lambda: Sub(2))
show(lambda: Base(3))


# __new__ returning something else: __init__ is not called.
class Weird:
    def __new__(cls, v):
        return v

    def __init__(self, v):
        print('not called')


show(lambda: Weird(7))


# Abstract classes, before and after the abstract method is filled in.
class Shape(abc.ABC):
    def __init__(self, n):
        self.n = n

    @abc.abstractmethod
    def area(self):
        ...


show(lambda: Shape(1))


class Square(Shape):
    def area(self):
        return self.n * self.n


show(lambda: Square(3))
print(Square(4).area())


# A metaclass with __call__, and one without.
class Meta(type):
    def __call__(cls, *args):
        print('Meta.__call__', cls.__name__, args)
        return super().__call__(*args)


class WithMeta(metaclass=Meta):
    def __init__(self, a):
        self.a = a


show(lambda: WithMeta(1))


class PlainMeta(type):
    pass


class WithPlainMeta(metaclass=PlainMeta):
    def __init__(self, a):
        self.a = a


show(lambda: WithPlainMeta(2))


# Builtin bases, exceptions and __slots__.
class L(list):
    def __init__(self, items):
        super().__init__(items)
        self.n = len(items)


show(lambda: L([1, 2]))
print(L([1, 2, 3]))


class E(Exception):
    def __init__(self, code):
        super().__init__('code %d' % code)
        self.code = code


show(lambda: E(3))


class S:
    __slots__ = ('a', 'b')

    def __init__(self, a, b):
        self.a = a
        self.b = b


s = S(1, 2)
print(s.a, s.b)


# Many instances: identity and independence.
ps = [P.__new__(P) for _ in range(2)]
print(ps[0] is not ps[1])


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def tree(d):
    return Node(tree(d - 1), tree(d - 1)) if d else Node(None, None)


def count(n):
    return 1 if n.left is None else 1 + count(n.left) + count(n.right)


print(count(tree(12)))


# One call site (a constructor cache) across every change of its class.
class Q:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def mk(a, b):
    return Q(a, b)


def mk_show(tag):
    try:
        o = mk(1, 2)
        o2 = mk(3, 4)
        print(tag, type(o).__name__, vars(o), vars(o2), o is not o2)
    except Exception as e:
        print(tag, type(e).__name__, e)


for i in range(3):
    mk_show('plain')
Q.__init__ = lambda self, a, b: setattr(self, 'ab', a + b)
mk_show('lambda init')


def init2(self, a, b):
    self.prod = a * b


Q.__init__ = init2
mk_show('def init')


def init_ret(self, a, b):
    return a


Q.__init__ = init_ret
mk_show('returns')


def init_raise(self, a, b):
    raise ValueError('bad %d' % a)


Q.__init__ = init_raise
mk_show('raises')
Q.__init__ = init2
mk_show('back')
Q.__init__ = init2
Q.__abstractmethods__ = frozenset({'m'})
mk_show('abstract')
Q.__abstractmethods__ = frozenset()
mk_show('concrete')
saved = Q


class Q:
    def __init__(self, a, b):
        self.rebound = (a, b)


mk_show('rebound')
Q = 5
mk_show('not a class')
Q = saved
mk_show('saved')


class R(Q):
    pass


def mkr():
    return R(7, 8)


print(vars(mkr()), vars(mkr()))
Q.__init__ = lambda self, a, b: setattr(self, 'via_base', b)
print(vars(mkr()))


# __new__ set on a class (and on a base) after its sites have cached it.
class N:
    def __init__(self, a):
        self.a = a


class NSub(N):
    pass


def mkn():
    return N(1), NSub(2)


for i in range(2):
    print([vars(o) for o in mkn()])
N.__new__ = lambda cls, a: 'new says %s %d' % (cls.__name__, a)
print(mkn())
