# aithon: native
"""The parts of functools that CPython writes in C: reduce, partial,
cmp_to_key and the least-recently-used cache's wrapper."""

_MISSING = object()


def reduce(function, iterable, *args):
    """reduce(function, iterable[, initial]) -> value

    Fold the items of iterable into one value from the left: with items
    a, b, c the result is function(function(a, b), c)."""
    if len(args) > 1:
        raise TypeError('reduce expected at most 3 arguments, got %d' % (len(args) + 2))
    it = iter(iterable)
    if args:
        value = args[0]
    else:
        value = _MISSING
        for value in it:
            break
        if value is _MISSING:
            raise TypeError('reduce() of empty iterable with no initial value')
    for element in it:
        value = function(value, element)
    return value


class partial:
    """partial(func, *args, **keywords) - a callable that calls func with
    these arguments (and keywords) before the ones it is called with."""

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if type(func) is partial:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super().__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        if self.keywords:
            keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        name = type(self).__qualname__
        if type(self) is partial:
            name = 'functools.partial'
        return '%s(%s)' % (name, ', '.join(parts))

    def __reduce__(self):
        return type(self), (self.func,), (self.func, self.args, self.keywords or None, self.__dict__ or None)

    @classmethod
    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)


class _KeyWrapper:
    __slots__ = ('obj', '_cmp')

    def __init__(self, obj, cmp):
        self.obj = obj
        self._cmp = cmp

    def _other(self, other):
        if not isinstance(other, _KeyWrapper):
            raise TypeError('other argument must be K instance')
        return other.obj

    def __lt__(self, other):
        return self._cmp(self.obj, self._other(other)) < 0

    def __gt__(self, other):
        return self._cmp(self.obj, self._other(other)) > 0

    def __eq__(self, other):
        return self._cmp(self.obj, self._other(other)) == 0

    def __le__(self, other):
        return self._cmp(self.obj, self._other(other)) <= 0

    def __ge__(self, other):
        return self._cmp(self.obj, self._other(other)) >= 0

    __hash__ = None


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    def K(obj):
        return _KeyWrapper(obj, mycmp)
    return K


class _HashedKey(list):
    """A key for the cache: the arguments, hashed once."""
    __slots__ = ('hashvalue',)

    def __init__(self, items):
        self[:] = items
        self.hashvalue = hash(tuple(items))

    def __hash__(self):
        return self.hashvalue


_KWD_MARK = object()
_FAST_TYPES = {int, str}


def _make_key(args, kwds, typed):
    key = list(args)
    if kwds:
        key.append(_KWD_MARK)
        for item in kwds.items():
            key.extend(item)
    if typed:
        key.extend([type(v) for v in args])
        if kwds:
            key.extend([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in _FAST_TYPES:
        return key[0]
    return _HashedKey(key)


def _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo):
    cache = {}
    stats = [0, 0]      # hits, misses
    sentinel = _MISSING

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                # Most recently used: move to the end of the (ordered) dict.
                del cache[key]
                cache[key] = result
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # The call itself cached this key (recursion): keep that.
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper

# CPython writes these classes in C: its messages name them by their C type names.
from _aithon import c_type_name as _c_type_name
_c_type_name(partial, "functools.partial")
