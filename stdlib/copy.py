"""Shallow and deep copies of objects.

copy(x) makes a new container holding the same items; deepcopy(x)
copies the items too, recursively, keeping shared and cyclic references
shared (through the memo dict). A class can take over with __copy__ and
__deepcopy__(memo), or describe itself with __reduce_ex__/__reduce__ and
__getstate__/__setstate__; other instances are copied with their
__dict__ and __slots__ values."""

import types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatibility

_ATOMIC = {type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
           bytes, str, range, types.BuiltinFunctionType, types.FunctionType, type, property}

try:
    _ATOMIC.add(types.CodeType)
except AttributeError:
    pass


def _is_atomic(x):
    cls = type(x)
    if cls in _ATOMIC:
        return True
    return isinstance(x, type) or cls is types.ModuleType


def _user_method(cls, name):
    """The method `name` a class of cls's MRO (not object, not a builtin
    type) defines, or None."""
    for klass in cls.__mro__:
        if klass is object:
            return None
        d = klass.__dict__
        if name in d:
            return d[name]
    return None


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for n in slots:
            if n in ('__dict__', '__weakref__'):
                continue
            if n.startswith('__') and not n.endswith('__'):
                n = '_%s%s' % (klass.__name__.lstrip('_'), n)
            if n not in names:
                names.append(n)
    return names


def _default_state(x):
    """(dict state, slots state) of an instance without a __getstate__."""
    d = getattr(x, '__dict__', None)
    slots = None
    names = _slot_names(type(x))
    if names:
        slots = {}
        for n in names:
            try:
                slots[n] = getattr(x, n)
            except AttributeError:
                pass
    if d is not None and not d:
        d = None
    return d, slots


def _reduce(x):
    """What pickling would reduce x to: (callable, args, state, listitems,
    dictitems)."""
    cls = type(x)
    rex = _user_method(cls, '__reduce_ex__')
    if rex is not None:
        rv = x.__reduce_ex__(4)
    else:
        red = _user_method(cls, '__reduce__')
        if red is not None:
            rv = x.__reduce__()
        else:
            rv = _object_reduce(x)
    if isinstance(rv, str):
        return None
    rv = tuple(rv) + (None,) * (5 - len(rv))
    return rv


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _object_reduce(x):
    cls = type(x)
    getnewargs = _user_method(cls, '__getnewargs_ex__')
    kwargs = None
    if getnewargs is not None:
        args, kwargs = x.__getnewargs_ex__()
    else:
        getnewargs = _user_method(cls, '__getnewargs__')
        args = x.__getnewargs__() if getnewargs is not None else ()
    getstate = _user_method(cls, '__getstate__')
    if getstate is not None:
        state = x.__getstate__()
    else:
        d, slots = _default_state(x)
        state = d if slots is None else (d, slots)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    if kwargs:
        return (_newobj_ex, (cls, args, kwargs), state, listitems, dictitems)
    return (_newobj, (cls,) + tuple(args), state, listitems, dictitems)


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def copy(x):
    """A shallow copy of x (see the module's documentation)."""
    cls = type(x)
    if _is_atomic(x) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set or cls is bytearray:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if rv is None:
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: its contents copied recursively, shared parts
    staying shared (memo maps the id of each copied object to its copy)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # The tuple may have been copied while copying its items (a cycle).
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, items):
            if k is not j:
                y = tuple(items)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = x.copy()
    else:
        copier = getattr(x, '__deepcopy__', None) if not isinstance(x, type) else None
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if rv is None:
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keep x alive as long as memo is (its id is a memo key)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None) if _user_method(type(y), '__setstate__') else None
        if setstate is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
