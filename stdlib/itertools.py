# aithon: native
"""Iterator building blocks: infinite counters, combinatorics, grouping,
slicing and merging of iterables, each producing its items lazily."""

import sys as _sys

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress',
           'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee', 'zip_longest']


def _int_arg(value, what):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value


class count:
    """count(start=0, step=1) --> count object

    Yields start, start + step, start + 2*step, ... without end."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not hasattr(v, "__add__"):
                raise TypeError('a number is required')
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        v = self._next
        self._next = v + self._step
        return v

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return 'count(%r)' % (self._next,)
        return 'count(%r, %r)' % (self._next, self._step)


class cycle:
    """cycle(iterable) --> cycle object

    Yields the iterable's items, then the same items again, forever."""

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = -1

    def __iter__(self):
        return self

    def __next__(self):
        if self._index < 0:
            for v in self._it:
                self._saved.append(v)
                return v
            if not self._saved:
                raise StopIteration
            self._index = 0
        v = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return v


class repeat:
    """repeat(object [,times]) -> an iterator yielding object again and
    again, `times` times or forever."""

    def __init__(self, object, times=None):
        self._obj = object
        if times is None:
            self._left = -1
        else:
            _int_arg(times, 'times')
            self._left = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._left == 0:
            raise StopIteration
        if self._left > 0:
            self._left -= 1
        return self._obj

    def __length_hint__(self):
        if self._left < 0:
            raise TypeError('len() of unsized object')
        return self._left

    def __repr__(self):
        if self._left < 0:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._left)


def _accumulate(it, func, initial):
    total = initial
    if total is _MISSING:
        for total in it:
            break
        else:
            return
    yield total
    for v in it:
        total = total + v if func is None else func(total, v)
        yield total


_MISSING = object()


def accumulate(iterable, func=None, *, initial=None):
    """Return running totals (or running results of func) of the items."""
    return _accumulate(iter(iterable), func, _MISSING if initial is None else initial)


class chain:
    """chain(*iterables) --> chain object

    Yields the items of the first iterable, then of the second, and so on."""

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        c = cls()
        c._sources = iter(iterable)
        return c

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                self._active = iter(next(self._sources))
            for v in self._active:
                return v
            self._active = None


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    """Yield the items of data whose corresponding selector is true."""
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for v in it:
        if not predicate(v):
            yield v
            break
    for v in it:
        yield v


def dropwhile(predicate, iterable):
    """Drop items while predicate(item) is true; afterwards, return every item."""
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for v in it:
        if not predicate(v):
            return
        yield v


def takewhile(predicate, iterable):
    """Return items while predicate(item) is true."""
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        for v in it:
            if not v:
                yield v
    else:
        for v in it:
            if not predicate(v):
                yield v


def filterfalse(function, iterable):
    """Return the items of iterable for which function(item) is false
    (the false items when function is None)."""
    return _filterfalse(function, iter(iterable))


class _grouper:
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if p._group is not self or p._done:
            raise StopIteration
        if p._pending is _MISSING:
            p._advance()
            if p._done or p._curkey != self._key:
                raise StopIteration
        v = p._pending
        p._pending = _MISSING
        return v


class groupby:
    """groupby(iterable, key=None) -> make an iterator that returns consecutive
    keys and groups from the iterable (keys computed by key, or the items
    themselves)."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._pending = _MISSING     # an item read but not yet handed out
        self._curkey = _MISSING
        self._group = None
        self._done = False

    def _advance(self):
        for v in self._it:
            self._pending = v
            self._curkey = v if self._keyfunc is None else self._keyfunc(v)
            return
        self._done = True
        self._pending = _MISSING

    def __iter__(self):
        return self

    def __next__(self):
        if self._group is not None:
            # Skip what is left of the current group.
            old = self._group._key
            while not self._done:
                if self._pending is _MISSING:
                    self._advance()
                    continue
                if self._curkey != old:
                    break
                self._pending = _MISSING
        elif self._pending is _MISSING:
            self._advance()
        if self._done:
            raise StopIteration
        self._group = _grouper(self, self._curkey)
        return self._curkey, self._group


def _islice(it, start, stop, step):
    # Consumes exactly what CPython's islice consumes: up to `stop` items
    # of a shared iterator, even past the last one returned.
    cnt = 0
    nxt = start
    while True:
        while cnt < nxt:
            for _ in it:
                break
            else:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        for v in it:
            break
        else:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield v


def islice(iterable, *args):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return the selected items of the iterable, as a slice would."""
    if len(args) == 1:
        start, stop, step = None, args[0], None
    elif len(args) in (2, 3):
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else None
    elif not args:
        raise TypeError('islice expected at least 2 arguments, got 1')
    else:
        raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1))
    if stop is not None:
        if not isinstance(stop, int) or stop < 0 or stop > _sys.maxsize:
            raise ValueError('Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    if start is None:
        start = 0
    elif not isinstance(start, int) or start < 0 or start > _sys.maxsize:
        raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    if step is None:
        step = 1
    elif not isinstance(step, int) or step <= 0 or step > _sys.maxsize:
        raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, stop, step)


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


def pairwise(iterable):
    """Return successive overlapping pairs taken from the input iterable:
    pairwise('ABCD') --> AB BC CD."""
    return _pairwise(iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def starmap(function, iterable):
    """Return function(*item) for each item of iterable."""
    return _starmap(function, iter(iterable))


class _TeeBuffer:
    __slots__ = ('it', 'items', 'base', 'readers')

    def __init__(self, it):
        self.it = it
        self.items = []        # items not yet read by every reader
        self.base = 0          # the index of items[0]
        self.readers = []


class _Tee:
    def __init__(self, buf, pos):
        self._buf = buf
        self._pos = pos
        buf.readers.append(self)

    def __iter__(self):
        return self

    def __next__(self):
        b = self._buf
        i = self._pos - b.base
        if i < len(b.items):
            v = b.items[i]
        else:
            v = next(b.it)
            b.items.append(v)
        self._pos += 1
        low = min(r._pos for r in b.readers)
        if low > b.base:
            del b.items[:low - b.base]
            b.base = low
        return v

    def __copy__(self):
        return _Tee(self._buf, self._pos)


def tee(iterable, n=2):
    """Return n independent iterators over the items of one iterable."""
    _int_arg(n, 'n')
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _Tee):
        first = it.__copy__()
    else:
        first = _Tee(_TeeBuffer(it), 0)
    out = [first]
    for _ in range(n - 1):
        out.append(first.__copy__())
    return tuple(out)


def _zip_longest(its, fillvalue):
    active = len(its)
    if not active:
        return
    while True:
        row = []
        for i, it in enumerate(its):
            if it is None:
                row.append(fillvalue)
                continue
            try:
                row.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                its[i] = None
                row.append(fillvalue)
        yield tuple(row)


def zip_longest(*iterables, fillvalue=None):
    """Like zip(), but runs until the longest iterable is exhausted, filling
    the shorter ones with fillvalue."""
    return _zip_longest([iter(x) for x in iterables], fillvalue)


def _product(pools):
    if any(len(p) == 0 for p in pools):
        return
    n = len(pools)
    idx = [0] * n
    yield tuple(p[0] for p in pools)
    while True:
        k = n - 1
        while k >= 0:
            idx[k] += 1
            if idx[k] < len(pools[k]):
                break
            idx[k] = 0
            k -= 1
        if k < 0:
            return
        yield tuple(pools[i][idx[i]] for i in range(n))


def product(*iterables, repeat=1):
    """Cartesian product of input iterables, as nested for-loops would produce."""
    _int_arg(repeat, 'repeat')
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(x) for x in iterables] * repeat
    return _product(pools)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    idx = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in idx[:r])
    while n:
        for i in range(r - 1, -1, -1):
            cycles[i] -= 1
            if cycles[i] == 0:
                idx[i:] = idx[i + 1:] + idx[i:i + 1]
                cycles[i] = n - i
            else:
                j = n - cycles[i]
                idx[i], idx[j] = idx[j], idx[i]
                yield tuple(pool[k] for k in idx[:r])
                break
        else:
            return


def permutations(iterable, r=None):
    """Return successive r-length permutations of the items (all of them by default)."""
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    else:
        _int_arg(r, 'r')
        if r < 0:
            raise ValueError('r must be non-negative')
    return _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    idx = list(range(r))
    yield tuple(pool[i] for i in idx)
    while True:
        i = r - 1
        while i >= 0 and idx[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        idx[i] += 1
        for j in range(i + 1, r):
            idx[j] = idx[j - 1] + 1
        yield tuple(pool[k] for k in idx)


def combinations(iterable, r):
    """Return successive r-length combinations of the items, in order."""
    _int_arg(r, 'r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations(tuple(iterable), r)


def _combinations_wr(pool, r):
    n = len(pool)
    if not n and r:
        return
    idx = [0] * r
    yield tuple(pool[i] for i in idx)
    while True:
        i = r - 1
        while i >= 0 and idx[i] == n - 1:
            i -= 1
        if i < 0:
            return
        v = idx[i] + 1
        for j in range(i, r):
            idx[j] = v
        yield tuple(pool[k] for k in idx)


def combinations_with_replacement(iterable, r):
    """Return successive r-length combinations of the items, each item
    allowed more than once."""
    _int_arg(r, 'r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations_wr(tuple(iterable), r)

# CPython writes these classes in C: its messages name them by their C type names.
from _aithon import c_type_name as _c_type_name
_c_type_name(count, "itertools.count")
_c_type_name(cycle, "itertools.cycle")
_c_type_name(repeat, "itertools.repeat")
_c_type_name(chain, "itertools.chain")
_c_type_name(groupby, "itertools.groupby")
