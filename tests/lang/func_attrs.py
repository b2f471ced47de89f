"""Function objects carry what decorators read and copy: __name__,
__qualname__, __doc__, __module__, __defaults__, __kwdefaults__,
__dict__ and any attribute, __wrapped__, __code__; bound methods add
__self__ and __func__; builtins have names too."""


def area(w, h=2, *, unit='cm', scale=1):
    """Area of a rectangle."""
    return w * h * scale


print(area.__name__, area.__qualname__, area.__module__, area.__doc__)
print(area.__defaults__, area.__kwdefaults__)
print(area.__code__.co_name, area.__code__.co_argcount, area.__code__.co_kwonlyargcount,
      area.__code__.co_varnames)
print(area.__code__ is area.__code__, type(area.__code__).__name__, area.__closure__)


def counted(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    wrapper.__qualname__ = fn.__qualname__
    wrapper.__doc__ = fn.__doc__
    wrapper.__module__ = fn.__module__
    wrapper.__wrapped__ = fn
    wrapper.__dict__.update(getattr(fn, '__dict__', {}))
    return wrapper


@counted
def greet(name):
    """Say hello."""
    return 'hello ' + name


print(greet('a'), greet('b'), greet.calls, greet.__name__, greet.__doc__)
print(greet.__wrapped__('c'), greet.__wrapped__.__qualname__, greet.__qualname__)
print(repr(greet).startswith('<function greet at '), sorted(greet.__dict__))
greet.tag = 'x'
del greet.tag
print(hasattr(greet, 'tag'), getattr(greet, 'missing', None))
try:
    greet.nothing
except AttributeError as e:
    print('AttributeError:', e)


def make_adder(n):
    def add(x):
        return x + n
    return add


add5 = make_adder(5)
print(add5.__name__, add5.__qualname__, add5(1), len(add5.__closure__))
lam = lambda x, y=3: x * y
print(lam.__name__, lam.__qualname__, lam.__defaults__, lam.__doc__)
lam.__defaults__ = (10,)
print(lam(2))


class Account:
    """A bank account."""

    def deposit(self, amount):
        """Put money in."""
        return amount

    @staticmethod
    def rate():
        return 0.01

    @classmethod
    def open(cls):
        return cls()


acct = Account()
m = acct.deposit
print(m.__name__, m.__qualname__, m.__doc__, m.__self__ is acct, m.__func__ is Account.deposit)
print(Account.deposit.__qualname__, Account.rate.__qualname__, Account.open.__qualname__,
      Account.open.__self__ is Account)
sm = Account.__dict__['rate']
print(sm.__func__.__name__, sm.__wrapped__ is sm.__func__, sm.__name__)
Account.deposit.audited = True
print(acct.deposit.audited, Account.__doc__)

print(len.__name__, len.__qualname__, len.__module__, len.__doc__ is None or True)
print([].append.__name__, [].append.__qualname__, print.__self__.__name__)
import math
print(math.sqrt.__name__, math.sqrt.__module__)

try:
    area.__name__ = 5
except TypeError as e:
    print('TypeError:', e)
try:
    area.__defaults__ = [1]
except TypeError as e:
    print('TypeError:', e)
area.__kwdefaults__ = {'unit': 'm', 'scale': 10}
print(area(3), area.__kwdefaults__)
area.__name__ = 'surface'
print(area.__name__, repr(area).split(' at ')[0])
