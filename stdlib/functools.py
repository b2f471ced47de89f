"""Higher-order functions: decorators and tools that act on or return
callables (wraps, lru_cache, partial, reduce, total_ordering,
singledispatch, cached_property …)."""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

from _functools import reduce, partial, cmp_to_key, _lru_cache_wrapper
from types import GenericAlias, MethodType

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the assigned attributes, merge
    the updated ones, and set wrapper.__wrapped__ = wrapped."""
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory: @wraps(f) applies update_wrapper(wrapper, f)."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# ---- total_ordering ------------------------------------------------------------

def _from_lt(op):
    def derived(self, other):
        r = type(self).__lt__(self, other)
        if r is NotImplemented:
            return r
        if op == 'gt':
            return not r and self != other
        if op == 'le':
            return r or self == other
        return not r          # ge
    return derived


def _from_le(op):
    def derived(self, other):
        r = type(self).__le__(self, other)
        if r is NotImplemented:
            return r
        if op == 'ge':
            return not r or self == other
        if op == 'lt':
            return r and self != other
        return not r          # gt
    return derived


def _from_gt(op):
    def derived(self, other):
        r = type(self).__gt__(self, other)
        if r is NotImplemented:
            return r
        if op == 'lt':
            return not r and self != other
        if op == 'ge':
            return r or self == other
        return not r          # le
    return derived


def _from_ge(op):
    def derived(self, other):
        r = type(self).__ge__(self, other)
        if r is NotImplemented:
            return r
        if op == 'le':
            return not r or self == other
        if op == 'gt':
            return r and self != other
        return not r          # lt
    return derived


_ORDER_SOURCES = [('__lt__', _from_lt, ('gt', 'le', 'ge')),
                  ('__le__', _from_le, ('ge', 'lt', 'gt')),
                  ('__gt__', _from_gt, ('lt', 'ge', 'le')),
                  ('__ge__', _from_ge, ('le', 'gt', 'lt'))]


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    defined = set()
    for name in ('__lt__', '__le__', '__gt__', '__ge__'):
        if getattr(cls, name, None) is not getattr(object, name, None):
            defined.add(name)
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    for root, make, ops in _ORDER_SOURCES:
        if root in defined:
            break
    for op in ops:
        name = '__%s__' % op
        if name not in defined:
            f = make(op)
            f.__name__ = name
            f.__qualname__ = '%s.%s' % (cls.__qualname__, name)
            setattr(cls, name, f)
    return cls


# ---- caches --------------------------------------------------------------------

_cache_info_type = None


def _CacheInfo(hits, misses, maxsize, currsize):
    global _cache_info_type
    if _cache_info_type is None:
        from collections import namedtuple
        _cache_info_type = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])
    return _cache_info_type(hits, misses, maxsize, currsize)


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    With maxsize None the cache grows without bound; with typed true,
    arguments of different types are cached separately. The wrapper has
    cache_info(), cache_clear() and cache_parameters()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---- partialmethod -------------------------------------------------------------

class partialmethod:
    """Method descriptor with partial application of the given arguments
    and keywords: it binds like the wrapped callable would."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        return '%s.%s(%s)' % (type(self).__module__, type(self).__qualname__, ', '.join(parts))

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        result = None
        if get is not None and not isinstance(self.func, partial):
            bound = get(obj, cls)
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                try:
                    result.__self__ = bound.__self__
                except AttributeError:
                    pass
        if result is None:
            func, args, keywords = self.func, self.args, self.keywords

            def method(cls_or_self, /, *rest, **kw):
                return func(cls_or_self, *args, *rest, **{**keywords, **kw})
            method.__isabstractmethod__ = self.__isabstractmethod__
            method._partialmethod = self
            result = MethodType(method, obj) if obj is not None else method
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

    __class_getitem__ = classmethod(GenericAlias)


# ---- singledispatch ------------------------------------------------------------

def _find_impl(cls, registry):
    """The implementation registered for the nearest class of cls's MRO;
    abstract base classes count where cls is a virtual subclass."""
    mro = cls.__mro__
    best = None
    best_rank = None
    for typ, func in registry.items():
        if typ in mro:
            rank = mro.index(typ)
        else:
            try:
                if not issubclass(cls, typ):
                    continue
            except TypeError:
                continue
            # A virtual base ranks just before object.
            rank = len(mro) - 1.5
        if best_rank is None or rank < best_rank:
            best, best_rank = func, rank
    return best


def _is_union(t):
    if type(t) is type(int | str):
        return True
    origin = getattr(t, '__origin__', None)
    return origin is not None and getattr(origin, '_name', None) == 'Union'


def _union_args(t):
    return t.__args__


def singledispatch(func):
    """Single-dispatch generic function decorator.

    The decorated function dispatches on the type of its first argument;
    implementations for other types are added with .register()."""
    registry = {}
    cache = {}

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        The implementation of the generic function for the given class."""
        try:
            return cache[cls]
        except KeyError:
            pass
        impl = _find_impl(cls, registry)
        cache[cls] = impl
        return impl

    def _is_valid_dispatch_type(cls):
        if isinstance(cls, type):
            return True
        return _is_union(cls) and all(isinstance(a, type) for a in _union_args(cls))

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Register func as the implementation for cls (or for the type of
        func's first annotated parameter)."""
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f"Invalid first argument to `register()`. "
                                f"{cls!r} is not a class or union type.")
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function."
                )
            func = cls
            argname, cls = next(iter(ann.items()))
            if isinstance(cls, str):
                raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} is not a class.")
            if not _is_valid_dispatch_type(cls):
                if _is_union(cls):
                    raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} not all arguments are classes.")
                raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} is not a class.")
        if _is_union(cls):
            for arg in _union_args(cls):
                registry[arg] = func
        else:
            registry[cls] = func
        cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor: dispatches on the type
    of the first argument after self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Register a method for a type (see singledispatch's register)."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---- cached_property -----------------------------------------------------------

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance, then kept in the instance's
    __dict__ (where a later assignment or del acts as on any attribute)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property."
            )
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val

    __class_getitem__ = classmethod(GenericAlias)
