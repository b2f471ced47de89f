"""Context variables (PEP 567).

A context maps ContextVar objects to values. The current context is a
plain dict that is never changed in place: ContextVar.set() makes the
current context a copy with one more entry, so a Context object or an
asyncio task that captured the old dict keeps seeing the old values
(CPython shares an immutable mapping for the same reason). The runtime
holds the current dict per green thread and swaps each asyncio task's
own in while the task runs (`_aithon.context_get/context_set`); a task
starts from its creator's context, as CPython's tasks run in
copy_context()."""

import _aithon

__all__ = ["Context", "ContextVar", "Token", "copy_context"]

_MISSING = object()


def _current():
    d = _aithon.context_get()
    return {} if d is None else d


class Context:
    """A mapping of ContextVars to values; run() makes it current."""

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        saved = _aithon.context_get()
        self._entered = True
        _aithon.context_set(self._data)
        try:
            return callable(*args, **kwargs)
        finally:
            self._data = _current()
            self._entered = False
            _aithon.context_set(saved)

    def copy(self):
        c = Context()
        c._data = self._data
        return c

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


def copy_context():
    c = Context()
    c._data = _current()
    return c


class ContextVar:
    __slots__ = ("_name", "_default")

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(args)}")
        data = _aithon.context_get()
        if data is not None and self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        data = _current()
        old = data.get(self, Token.MISSING)
        new = dict(data)
        new[self] = value
        _aithon.context_set(new)
        return Token(_aithon.context_get(), self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {type(token).__name__!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        new = dict(_current())
        if token._old_value is Token.MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old_value
        _aithon.context_set(new)
        token._used = True

    def __class_getitem__(cls, item):
        return cls

    def __hash__(self):
        return object.__hash__(self)

    def __eq__(self, other):
        return self is other

    def __repr__(self):
        d = ""
        if self._default is not _MISSING:
            d = f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{d} at 0x{id(self):x}>"


class Token:
    MISSING = object()

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"


class _MissingRepr:
    def __repr__(self):
        return "<Token.MISSING>"


Token.MISSING = _MissingRepr()
