# Decorators as real code writes them: a hand-written functools.wraps,
# memoisation in a function attribute, decorators with arguments,
# registries keyed by __name__, and a class-based decorator that binds
# like a function through __get__.

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')


def update_wrapper(wrapper, wrapped):
    for attr in WRAPPER_ASSIGNMENTS:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    wrapper.__dict__.update(wrapped.__dict__)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped):
    return lambda wrapper: update_wrapper(wrapper, wrapped)


def memoize(fn):
    @wraps(fn)
    def inner(n):
        if n not in inner.cache:
            inner.cache[n] = fn(n)
        return inner.cache[n]
    inner.cache = {}
    return inner


@memoize
def fib(n):
    """Fibonacci numbers."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(40), fib.__name__, fib.__doc__, len(fib.cache), fib.__wrapped__.__name__)

REGISTRY = {}


def register(kind):
    def deco(fn):
        REGISTRY.setdefault(kind, []).append(fn.__name__)
        fn.kind = kind
        return fn
    return deco


@register('cmd')
def start():
    return 'started'


@register('cmd')
def stop():
    return 'stopped'


@register('query')
def status():
    return 'ok'


print(REGISTRY, start.kind, status(), [f.__qualname__ for f in (start, stop)])


def trace(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        print('->', fn.__qualname__, args[1:], kwargs)
        return fn(*args, **kwargs)
    return wrapper


class Shop:
    @trace
    def buy(self, item, qty=1):
        """Buy something."""
        return '%d x %s' % (qty, item)


print(Shop().buy('pen', qty=3), Shop.buy.__name__, Shop.buy.__doc__, Shop().buy.__qualname__)


class CountCalls:
    def __init__(self, fn):
        update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return self.fn.__get__(obj, objtype) if False else (lambda *a: self(obj, *a))


class Greeter:
    @CountCalls
    def hello(self, who):
        return 'hello %s' % who


g = Greeter()
print(g.hello('x'), g.hello('y'), Greeter.hello.calls, Greeter.hello.__name__)
bound = Greeter.hello.fn.__get__(g, Greeter)
print(bound('z'), bound.__self__ is g, bound.__func__.__name__)
