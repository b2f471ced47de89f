"""Weak references, the common surface: ref, proxy, WeakValueDictionary,
WeakKeyDictionary, WeakSet, WeakMethod, finalize, getweakrefcount,
getweakrefs.

Aithon's collector has no weak references yet: a reference made here
keeps its object alive (a ref never reports a dead object, the weak
containers keep their entries, a finalize callback runs only when it is
called). Programs that use weak references for caches and back-links
run, holding more memory; those that wait for an object to die see it
live on."""

from collections.abc import MutableMapping as _MutableMapping, MutableSet as _MutableSet

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]

_UNWEAKREFABLE = (int, float, str, bytes, tuple, list, dict, bool, type(None))


def _check(obj):
    if type(obj) in _UNWEAKREFABLE:
        raise TypeError("cannot create weak reference to '%s' object" % type(obj).__name__)


class ReferenceType:
    """ref(object[, callback]): calling it returns the object."""

    __slots__ = ('_obj', '__callback__')

    def __init__(self, ob, callback=None):
        _check(ob)
        self._obj = ob
        self.__callback__ = callback

    def __call__(self):
        return self._obj

    def __eq__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        return self._obj == other._obj

    def __ne__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        return self._obj != other._obj

    def __hash__(self):
        return hash(self._obj)

    def __repr__(self):
        return '<weakref at %#x; to %r at %#x>' % (id(self), type(self._obj).__name__,
                                                  id(self._obj))


ref = ReferenceType


class WeakMethod(ref):
    """A ref to a bound method: calling it returns the method."""

    __slots__ = ('_func',)

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        ref.__init__(self, obj, callback)
        self._func = func

    def __call__(self):
        return self._func.__get__(self._obj, type(self._obj))


def proxy(object, callback=None):
    """The object itself (a proxy would forward every operation to it)."""
    _check(object)
    return object


class ProxyType:
    pass


class CallableProxyType:
    pass


ProxyTypes = (ProxyType, CallableProxyType)


def getweakrefcount(object):
    """The number of weak references to object (not tracked: 0)."""
    return 0


def getweakrefs(object):
    """The weak references to object (not tracked: an empty list)."""
    return []


class WeakValueDictionary(_MutableMapping):
    """Mapping class that references values weakly."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        return self.data[key]

    def __setitem__(self, key, value):
        _check(value)
        self.data[key] = value

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(list(self.data))

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        return WeakValueDictionary(self.data)

    __copy__ = copy

    def itervaluerefs(self):
        return iter([ref(v) for v in self.data.values()])

    def valuerefs(self):
        return [ref(v) for v in self.data.values()]


class WeakKeyDictionary(_MutableMapping):
    """Mapping class that references keys weakly."""

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[key]

    def __setitem__(self, key, value):
        _check(key)
        self.data[key] = value

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(list(self.data))

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        return WeakKeyDictionary(self.data)

    __copy__ = copy

    def keyrefs(self):
        return [ref(k) for k in self.data]


class WeakSet(_MutableSet):
    """A set of objects referenced weakly."""

    def __init__(self, data=None):
        self.data = set()
        if data is not None:
            for item in data:
                self.add(item)

    def __contains__(self, item):
        return item in self.data

    def __iter__(self):
        return iter(list(self.data))

    def __len__(self):
        return len(self.data)

    def add(self, item):
        _check(item)
        self.data.add(item)

    def discard(self, item):
        self.data.discard(item)

    def __repr__(self):
        return '{}({!r})'.format(type(self).__name__, self.data)

    def copy(self):
        return WeakSet(self.data)


class finalize:
    """finalize(obj, func, *args, **kwargs): a callable that calls
    func(*args, **kwargs) the first time it is called (objects are not
    freed while referenced here, so it is not called by the collector)."""

    __slots__ = ('_obj', '_func', '_args', '_kwargs', 'atexit')

    def __init__(self, obj, func, /, *args, **kwargs):
        _check(obj)
        self._obj = obj
        self._func = func
        self._args = args
        self._kwargs = kwargs
        self.atexit = True

    def __call__(self, _=None):
        """If alive then mark as dead and return func(*args, **kwargs);
        otherwise return None"""
        if self._func is None:
            return None
        func, args, kwargs = self._func, self._args, self._kwargs
        self._func = None
        self._obj = None
        return func(*args, **kwargs)

    def detach(self):
        """If alive then mark as dead and return (obj, func, args, kwargs);
        otherwise return None"""
        if self._func is None:
            return None
        info = (self._obj, self._func, self._args, self._kwargs)
        self._func = None
        self._obj = None
        return info

    def peek(self):
        """If alive then return (obj, func, args, kwargs); otherwise return None"""
        if self._func is None:
            return None
        return (self._obj, self._func, self._args, self._kwargs)

    @property
    def alive(self):
        """Whether finalizer is alive"""
        return self._func is not None

# CPython writes weak references in C: messages name the type as it does.
from _aithon import c_type_name as _c_type_name
_c_type_name(ReferenceType, "weakref.ReferenceType")
