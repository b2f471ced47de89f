# aithon: native
"""Functions to run when the program ends: register(func, *args,
**kwargs) adds one (returning func, so it works as a decorator),
unregister(func) removes every registration of func, _run_exitfuncs()
runs them last-registered first, _clear() forgets them, _ncallbacks()
counts them.

The runtime calls _run_exitfuncs once when the main program ends
(normally, by sys.exit or by an escaped exception, after its traceback;
never after os._exit), through _aithon.set_exit_hook. A handler that
raises is reported as CPython reports it ("Exception ignored in atexit
callback: …" and the traceback) and the others still run."""

from _aithon import set_exit_hook as _set_exit_hook

__all__ = ['register', 'unregister']

_handlers = []
# Run before the handlers, in order: threading joins its threads here, as
# CPython's finalisation does before calling the atexit handlers.
_shutdown_hooks = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _handlers.append((func, args, kwargs))
    return func


def unregister(func):
    # Equality, as CPython compares the registered callables.
    _handlers[:] = [h for h in _handlers if not (h[0] == func)]


def _clear():
    del _handlers[:]


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    for hook in _shutdown_hooks:
        try:
            hook()
        except BaseException as e:
            import traceback
            traceback.print_exception(type(e), e, e.__traceback__)
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            import sys
            import traceback
            try:
                sys.stdout.flush()
            except Exception:
                pass
            sys.stderr.write('Exception ignored in atexit callback: %r\n' % (func,))
            traceback.print_exception(type(e), e, e.__traceback__)


_set_exit_hook(_run_exitfuncs)
