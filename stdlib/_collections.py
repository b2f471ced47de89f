# aithon: native
"""The container types CPython writes in C: deque and defaultdict."""

import sys as _sys

_GenericAlias = type(list[int])


class _DequeIter:
    __slots__ = ('_d', '_i', '_state', '_rev')

    def __init__(self, d, rev):
        self._d = d
        self._i = 0
        self._state = d._state
        self._rev = rev

    def __iter__(self):
        return self

    def __next__(self):
        d = self._d
        if d._state != self._state:
            raise RuntimeError('deque mutated during iteration')
        i = self._i
        if i >= d._len:
            raise StopIteration
        self._i = i + 1
        if self._rev:
            i = d._len - 1 - i
        return d._buf[(d._head + i) % len(d._buf)]

    def __length_hint__(self):
        return self._d._len - self._i


class deque:
    """deque([iterable[, maxlen]]) --> a double-ended queue: appends and pops
    are fast at both ends; with maxlen, adding beyond it drops from the
    other end."""

    __slots__ = ('_buf', '_head', '_len', '_maxlen', '_state')

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._buf = [None] * 8
        self._head = 0
        self._len = 0
        self._maxlen = maxlen
        self._state = 0
        if iterable is not self:
            self.extend(iterable)
        else:
            self.extend(list(iterable))

    # -- storage: a ring buffer whose capacity is a power of two

    def _grow(self):
        buf = self._buf
        n = len(buf)
        h = self._head
        items = buf[h:] + buf[:h]
        self._buf = items + [None] * n
        self._head = 0

    def _at(self, i):
        return (self._head + i) % len(self._buf)

    @property
    def maxlen(self):
        """The size limit, or None."""
        return self._maxlen

    def append(self, x):
        """Add x at the right end."""
        self._state += 1
        if self._maxlen is not None and self._len >= self._maxlen:
            if self._maxlen == 0:
                return
            self._buf[self._head] = None
            self._head = (self._head + 1) % len(self._buf)
            self._len -= 1
        if self._len == len(self._buf):
            self._grow()
        self._buf[(self._head + self._len) % len(self._buf)] = x
        self._len += 1

    def appendleft(self, x):
        """Add x at the left end."""
        self._state += 1
        if self._maxlen is not None and self._len >= self._maxlen:
            if self._maxlen == 0:
                return
            self._buf[(self._head + self._len - 1) % len(self._buf)] = None
            self._len -= 1
        if self._len == len(self._buf):
            self._grow()
        self._head = (self._head - 1) % len(self._buf)
        self._buf[self._head] = x
        self._len += 1

    def pop(self):
        """Remove and return the item at the right end."""
        if not self._len:
            raise IndexError('pop from an empty deque')
        self._state += 1
        self._len -= 1
        i = (self._head + self._len) % len(self._buf)
        x = self._buf[i]
        self._buf[i] = None
        return x

    def popleft(self):
        """Remove and return the item at the left end."""
        if not self._len:
            raise IndexError('pop from an empty deque')
        self._state += 1
        x = self._buf[self._head]
        self._buf[self._head] = None
        self._head = (self._head + 1) % len(self._buf)
        self._len -= 1
        return x

    def extend(self, iterable):
        """Append the items of an iterable at the right end."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        """Append the items of an iterable at the left end (so they end up reversed)."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        """Remove every item."""
        self._state += 1
        self._buf = [None] * 8
        self._head = 0
        self._len = 0

    def copy(self):
        """A shallow copy."""
        if type(self) is deque:
            return deque(self, self._maxlen)
        return type(self)(self, self._maxlen) if self._maxlen is not None else type(self)(self)

    __copy__ = copy

    def count(self, value):
        """How many items equal value."""
        n = 0
        state = self._state
        for i in range(self._len):
            v = self._buf[self._at(i)]
            if v is value or v == value:
                n += 1
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        return n

    def index(self, value, start=0, stop=_sys.maxsize):
        """The first index of value; ValueError when absent."""
        n = self._len
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop += n
        stop = min(stop, n)
        state = self._state
        for i in range(start, stop):
            v = self._buf[self._at(i)]
            if v is value or v == value:
                return i
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError('%r is not in deque' % (value,))

    def insert(self, index, value):
        """Insert value before position index."""
        if self._maxlen is not None and self._len >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        n = self._len
        if index < 0:
            index = max(index + n, 0)
        if index >= n:
            self.append(value)
            return
        self.rotate(-index)
        self.appendleft(value)
        self.rotate(index)

    def remove(self, value):
        """Remove the first item equal to value."""
        for i in range(self._len):
            v = self._buf[self._at(i)]
            if v is value or v == value:
                del self[i]
                return
        raise ValueError('%r is not in deque' % (value,))

    def reverse(self):
        """Reverse the items in place."""
        items = list(self)
        items.reverse()
        self._state += 1
        self._set_items(items)

    def rotate(self, n=1):
        """Move the last n items to the front (the first -n to the back when n < 0)."""
        size = self._len
        if size <= 1:
            return
        n %= size
        if not n:
            return
        self._state += 1
        items = list(self)
        self._set_items(items[-n:] + items[:-n])

    def _set_items(self, items):
        cap = 8
        while cap < len(items):
            cap *= 2
        self._buf = items + [None] * (cap - len(items))
        self._head = 0
        self._len = len(items)

    # -- the sequence protocol

    def __len__(self):
        return self._len

    def __bool__(self):
        return self._len > 0

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError('sequence index must be integer, not %r' % (type(i).__name__,))
        if i < 0:
            i += self._len
        if i < 0 or i >= self._len:
            raise IndexError('deque index out of range')
        return i

    def __getitem__(self, i):
        return self._buf[self._at(self._index(i))]

    def __setitem__(self, i, value):
        self._buf[self._at(self._index(i))] = value

    def __delitem__(self, i):
        i = self._index(i)
        items = list(self)
        del items[i]
        self._state += 1
        self._set_items(items)

    def __iter__(self):
        return _DequeIter(self, False)

    def __reversed__(self):
        return _DequeIter(self, True)

    def __contains__(self, value):
        state = self._state
        for i in range(self._len):
            v = self._buf[self._at(i)]
            if v is value or v == value:
                return True
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        return False

    def __repr__(self):
        if _repr_running.get(id(self)):
            return '[...]'
        _repr_running[id(self)] = True
        try:
            items = repr(list(self))
        finally:
            del _repr_running[id(self)]
        name = type(self).__name__
        if self._maxlen is None:
            return '%s(%s)' % (name, items)
        return '%s(%s, maxlen=%d)' % (name, items, self._maxlen)

    def _cmp(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        a, b = list(self), list(other)
        if op == 0:
            return a == b
        if op == 1:
            return a != b
        if op == 2:
            return a < b
        if op == 3:
            return a <= b
        if op == 4:
            return a > b
        return a >= b

    def __eq__(self, other):
        return self._cmp(other, 0)

    def __ne__(self, other):
        return self._cmp(other, 1)

    def __lt__(self, other):
        return self._cmp(other, 2)

    def __le__(self, other):
        return self._cmp(other, 3)

    def __gt__(self, other):
        return self._cmp(other, 4)

    def __ge__(self, other):
        return self._cmp(other, 5)

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        new *= n
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        if n <= 0:
            self.clear()
            return self
        items = list(self)
        for _ in range(n - 1):
            self.extend(items)
        return self

    def __reduce__(self):
        return type(self), ((), self._maxlen), None, iter(self)

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)


_repr_running = {}


class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

    A missing key's value is made by calling default_factory() (and kept);
    without a factory a missing key raises KeyError as in a dict."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        super().__init__(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        if _repr_running.get(id(self)):
            return '...'
        _repr_running[id(self)] = True
        try:
            factory = self.default_factory
            if factory is not None and factory is self:
                f = '...'
            else:
                f = repr(factory)
            return '%s(%s, %s)' % (type(self).__name__, f, dict.__repr__(self))
        finally:
            del _repr_running[id(self)]

    def copy(self):
        """A shallow copy, with the same default factory."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = (self.default_factory,) if self.default_factory is not None else ()
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

# CPython writes these classes in C: its messages name them by their C type names.
from _aithon import c_type_name as _c_type_name
_c_type_name(deque, "collections.deque")
_c_type_name(defaultdict, "collections.defaultdict")
