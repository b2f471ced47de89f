"""Timing small pieces of code: Timer(stmt, setup, timer) with timeit,
repeat, autorange; the module functions timeit, repeat, default_timer
(time.perf_counter).

Compiled programs cannot compile source text at run time (no exec), so
stmt and setup must be callables — or the string 'pass' (nothing) —
where CPython also takes statement strings; a string is refused with
ValueError. The `globals` argument is accepted and ignored. There is no
command-line interface (main)."""

import gc
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter


def _callable_of(code, what):
    if isinstance(code, str):
        if code.strip() in ('', 'pass'):
            return None
        raise ValueError("timeit: a %s given as source text cannot be compiled at run time "
                         "in a compiled program; pass a callable" % what)
    if not callable(code):
        raise ValueError("%s is neither a string nor callable" % what)
    return code


class Timer:
    """Time the execution of a callable stmt, after calling setup."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        self._stmt = _callable_of(stmt, 'stmt')
        self._setup = _callable_of(setup, 'setup')

    def _run(self, number):
        stmt = self._stmt
        if self._setup is not None:
            self._setup()
        timer = self.timer
        t0 = timer()
        if stmt is None:
            for _ in range(number):
                pass
        else:
            for _ in range(number):
                stmt()
        return timer() - t0

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        gcold = gc.isenabled()
        gc.disable()
        try:
            timing = self._run(number)
        finally:
            if gcold:
                gc.enable()
        return timing

    def repeat(self, repeat=default_repeat, number=default_number):
        r = []
        for i in range(repeat):
            r.append(self.timeit(number))
        return r

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
