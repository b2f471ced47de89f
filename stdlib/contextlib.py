"""Utilities for with-statement contexts: @contextmanager, suppress,
redirect_stdout/redirect_stderr, ExitStack, closing, nullcontext, chdir,
and their async counterparts."""

import abc
import os
import sys
from functools import wraps
from types import MethodType, GenericAlias

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir"]


class AbstractContextManager(abc.ABC):
    """The interface of context managers: __enter__ (returning self by
    default) and __exit__."""

    __class_getitem__ = classmethod(GenericAlias)

    def __enter__(self):
        """Return self."""
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Do not suppress the exception (return None)."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            for name in ('__enter__', '__exit__'):
                for B in C.__mro__:
                    if name in B.__dict__:
                        if B.__dict__[name] is None:
                            return NotImplemented
                        break
                else:
                    return NotImplemented
            return True
        return NotImplemented


class AbstractAsyncContextManager(abc.ABC):
    """The interface of asynchronous context managers: __aenter__ and
    __aexit__."""

    __class_getitem__ = classmethod(GenericAlias)

    async def __aenter__(self):
        """Return self."""
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Do not suppress the exception (return None)."""
        return None


class ContextDecorator(object):
    """A mixin that lets a context manager decorate a function: each call
    of the function runs inside the context."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator(object):
    """The same for async functions and async context managers."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


class _GeneratorContextManagerBase:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)


class _GeneratorContextManager(_GeneratorContextManagerBase, AbstractContextManager, ContextDecorator):
    """What @contextmanager makes of a generator function's call."""

    def __enter__(self):
        del self.args, self.kwds, self.func
        for value in self.gen:
            return value
        raise RuntimeError("generator didn't yield")

    def __exit__(self, typ, value, traceback):
        gen = self.gen
        if typ is None:
            for _ in gen:
                raise RuntimeError("generator didn't stop")
            return False
        if value is None:
            value = typ()
        try:
            gen.throw(value)
        except BaseException as raised:
            if raised is value:
                # Not handled by the generator: the with statement re-raises it.
                raised.__traceback__ = traceback
                return False
            if isinstance(raised, StopIteration):
                # The generator caught the exception and returned: suppressed.
                return True
            if (isinstance(raised, RuntimeError) and isinstance(value, StopIteration)
                    and raised.__cause__ is value):
                # PEP 479 turned the block's StopIteration into a RuntimeError.
                value.__traceback__ = traceback
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase, AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """What @asynccontextmanager makes of an async generator function's call."""

    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(typ, value, traceback)
        except StopAsyncIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                exc.__traceback__ = traceback
                return False
            if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            exc.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    """@contextmanager decorator: a generator function that yields once
    becomes a context manager; the code before the yield is __enter__
    (the yielded value is bound by `as`), the code after it __exit__,
    and an exception of the with block is raised at the yield."""
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    """@asynccontextmanager decorator: @contextmanager for an async
    generator function, for use with `async with`."""
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    """with closing(thing) as t: the block works with thing, and
    thing.close() is called when it ends, however it ends."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """The async version of closing: awaits thing.aclose() at the end."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Inside the block sys.stdout is the given file (so print() writes
    there); the previous one comes back at the end."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Inside the block sys.stderr is the given file."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """with suppress(E1, E2): an exception of these types ends the block
    silently, and the program goes on after it."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return False
        if issubclass(exctype, self._exceptions):
            return True
        if issubclass(exctype, BaseExceptionGroup):
            match, rest = excinst.split(self._exceptions)
            if rest is None:
                return True
            raise rest
        return False


class _BaseExitStack:
    """What ExitStack and AsyncExitStack share: the callback stack."""

    @staticmethod
    def _create_exit_wrapper(cm, cm_exit):
        return MethodType(cm_exit, cm)

    @staticmethod
    def _create_cb_wrapper(callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        return _exit_wrapper

    def __init__(self):
        from collections import deque
        self._exit_callbacks = deque()

    def pop_all(self):
        """Move every callback to a new stack (returned); this one is left empty."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        from collections import deque
        self._exit_callbacks = deque()
        return new_stack

    def push(self, exit):
        """Push a function called like __exit__ (or an object whose
        __exit__ is pushed); returned unchanged."""
        _cb_type = type(exit)
        try:
            exit_method = _cb_type.__exit__
        except AttributeError:
            self._push_exit_callback(exit)
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        """Enter cm, push its __exit__, and return what __enter__ returned."""
        cls = type(cm)
        try:
            _enter = cls.__enter__
            _exit = cls.__exit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the context manager protocol") from None
        result = _enter(cm)
        self._push_cm_exit(cm, _exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Push callback(*args, **kwds), called without the exception details."""
        _exit_wrapper = self._create_cb_wrapper(callback, *args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._push_exit_callback(_exit_wrapper)
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        _exit_wrapper = self._create_exit_wrapper(cm, cm_exit)
        self._push_exit_callback(_exit_wrapper, True)

    def _push_exit_callback(self, callback, is_sync=True):
        self._exit_callbacks.append((is_sync, callback))


def _chain_behind(new, old, frame_exc):
    """Make `old` the context of `new`'s chain where the exception being
    handled around the callbacks (frame_exc) would otherwise appear, so
    the chain reads as if the callbacks were nested with statements."""
    if old is None or new is old:
        return
    exc = new
    while True:
        ctx = exc.__context__
        if ctx is old:
            return
        if ctx is None or ctx is frame_exc:
            exc.__context__ = old
            return
        exc = ctx


class ExitStack(_BaseExitStack, AbstractContextManager):
    """A context manager holding a stack of exit callbacks (context
    managers entered with enter_context, functions pushed with callback
    or push) that are run last-in first-out when the with block ends or
    close() is called, each seeing the exception the later ones left."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        original = exc_details[1]
        pending = original
        frame_exc = sys.exc_info()[1]
        while self._exit_callbacks:
            _, cb = self._exit_callbacks.pop()
            details = (None, None, None) if pending is None else (type(pending), pending, pending.__traceback__)
            try:
                if cb(*details):
                    pending = None
            except BaseException as raised:
                _chain_behind(raised, pending, frame_exc)
                pending = raised
        if pending is None:
            return original is not None
        if pending is original:
            return False
        ctx = pending.__context__
        try:
            raise pending
        finally:
            pending.__context__ = ctx

    def close(self):
        """Run every callback now (as at the end of a with block)."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for async with: async context managers and coroutine
    callbacks may be pushed too."""

    @staticmethod
    def _create_async_exit_wrapper(cm, cm_exit):
        return MethodType(cm_exit, cm)

    @staticmethod
    def _create_async_cb_wrapper(callback, /, *args, **kwds):
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        return _exit_wrapper

    async def enter_async_context(self, cm):
        """Enter cm (awaiting __aenter__), push its __aexit__, return the result."""
        cls = type(cm)
        try:
            _enter = cls.__aenter__
            _exit = cls.__aexit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol"
                            ) from None
        result = await _enter(cm)
        self._push_async_cm_exit(cm, _exit)
        return result

    def push_async_exit(self, exit):
        """Push a coroutine function called like __aexit__ (or an object
        whose __aexit__ is pushed)."""
        _cb_type = type(exit)
        try:
            exit_method = _cb_type.__aexit__
        except AttributeError:
            self._push_exit_callback(exit, False)
        else:
            self._push_async_cm_exit(exit, exit_method)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Push an awaited callback(*args, **kwds)."""
        _exit_wrapper = self._create_async_cb_wrapper(callback, *args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._push_exit_callback(_exit_wrapper, False)
        return callback

    async def aclose(self):
        """Run every callback now."""
        await self.__aexit__(None, None, None)

    def _push_async_cm_exit(self, cm, cm_exit):
        _exit_wrapper = self._create_async_exit_wrapper(cm, cm_exit)
        self._push_exit_callback(_exit_wrapper, False)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    cb_suppress = cb(*exc_details)
                else:
                    cb_suppress = await cb(*exc_details)
                if cb_suppress:
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException:
                new_exc_details = sys.exc_info()
                if exc_details[1] is not None and new_exc_details[1].__context__ is None:
                    new_exc_details[1].__context__ = exc_details[1]
                pending_raise = True
                exc_details = new_exc_details
        if pending_raise:
            raise exc_details[1]
        return received_exc and suppressed_exc


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A context manager that does nothing: `with nullcontext(x) as y`
    binds y to x (handy where a context manager is optional)."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Inside the block the current directory is path; the previous one
    comes back at the end."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        os.chdir(self._old_cwd.pop())
