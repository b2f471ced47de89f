# aithon: native
"""Threads as cooperative green threads of the main process.

A Thread's target runs in a generator body of its own (a stack of its
own: runtime/objects/gen.h), and threads switch only where one waits:
Thread.join, Lock/RLock.acquire of a held lock, Condition.wait,
Event.wait, Semaphore.acquire, Barrier.wait, a blocking queue.Queue
get/put, and time.sleep (a sleeping thread lets the others run; the
runtime's time.sleep asks this module first, _aithon.set_sleep_hook).
start() runs the new thread at once until it first waits or ends — what
CPython usually does with a short target — then returns to its caller.
A thread that computes without waiting is never preempted (CPython
switches every 5 ms), so only programs whose output does not depend on
preemption print what CPython prints.

Whoever waits drives the others: a thread that must wait switches back
(_aithon.gen_yield) to the code that resumed it, and the main thread,
when it waits, resumes each thread whose wait is over, round after
round, sleeping for real only when every thread waits on a clock. When
nothing can ever proceed (CPython would hang forever) RuntimeError is
raised in the main thread. At the end of the program the main thread
waits for the non-daemon threads (before atexit's handlers), as
CPython does.

Not supported: waiting inside a generator body that the thread itself
runs (RuntimeError), threads of other aithon processes (actors have
their own heap: use aithon's processes), settrace/setprofile hooks
(accepted, unused). Tracebacks of exceptions escaping a thread show no
frames of this module."""

import sys as _sys
import time as _time
import atexit as _atexit
from itertools import count as _count
from _aithon import gen_yield as _gen_yield, set_sleep_hook as _set_sleep_hook

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError

_ids = _count(1)
_names = _count(1)
_active = []          # started threads that have not finished, in start order
_in_real_sleep = False


def _newname(name_template="Thread-%d"):
    return name_template % next(_names)


# ---- the scheduler -------------------------------------------------------------------

def _runner(t):
    # The generator body a thread runs in.
    if False:
        yield
    try:
        t.run()
    except SystemExit:
        pass
    except BaseException as e:
        excepthook(ExceptHookArgs((type(e), e, e.__traceback__, t)))
    finally:
        t._finish()


def _resume(t):
    """Run thread t until it waits or ends (from whatever runs now)."""
    global _current
    prev = _current
    _current = t
    try:
        next(t._gen)
    except StopIteration:
        pass
    finally:
        _current = prev


def _ready(t, now):
    w = t._waiting
    if w is None:
        return True
    pred, deadline = w
    return pred() or (deadline is not None and now >= deadline)


def _real_sleep(secs):
    global _in_real_sleep
    _in_real_sleep = True
    try:
        _time.sleep(secs)
    finally:
        _in_real_sleep = False


def _wait_for(pred, timeout=None):
    """Wait until pred() is true (True) or timeout seconds pass (pred())."""
    if pred():
        return True
    deadline = None
    if timeout is not None and timeout >= 0:
        deadline = _time.monotonic() + timeout
    cur = _current
    if cur is not _main_thread_obj:
        cur._waiting = (pred, deadline)
        try:
            while True:
                _gen_yield(cur._gen, None)
                if pred():
                    return True
                if deadline is not None and _time.monotonic() >= deadline:
                    return pred()
        finally:
            cur._waiting = None
    # The main thread drives the others.
    while True:
        progressed = False
        for t in list(_active):
            if t._finished or t is cur or t._gen_running():
                continue
            if _ready(t, _time.monotonic()):
                _resume(t)
                progressed = True
                if pred():
                    return True
        if pred():
            return True
        now = _time.monotonic()
        if deadline is not None and now >= deadline:
            return False
        if not progressed:
            wake = deadline
            for t in _active:
                if t._waiting is not None and t._waiting[1] is not None:
                    d = t._waiting[1]
                    if wake is None or d < wake:
                        wake = d
            if wake is None:
                raise RuntimeError('deadlock: the main thread waits for something that no '
                                   'thread can ever do (CPython would hang here)')
            if wake > now:
                _real_sleep(wake - now)


def _sleep_hook(ns):
    if _in_real_sleep or not _active:
        return NotImplemented
    secs = ns / 1e9
    if _current is _main_thread_obj:
        _wait_for(_never, secs)
        return None
    _wait_for(_never, secs)
    return None


def _never():
    return False


# ---- threads -------------------------------------------------------------------------

class Thread:
    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            if daemon and not _current._daemonic_ok():
                raise RuntimeError('daemon threads are disabled in this (sub)interpreter')
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._started_flag = False
        self._finished = False
        self._waiting = None
        self._gen = None
        self._initialized = True

    def _daemonic_ok(self):
        return True

    def _gen_running(self):
        # A thread that is driving another (it started it) is on the
        # stack of running bodies: it cannot be resumed from here.
        g = self._gen
        return g is not None and g.gi_running

    def _finish(self):
        self._finished = True
        if self in _active:
            _active.remove(self)

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started_flag:
            status = "started"
        if self._finished:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started_flag:
            raise RuntimeError("threads can only be started once")
        self._started_flag = True
        self._ident = _base_ident + next(_ids)
        self._gen = _runner(self)
        _active.append(self)
        _resume(self)

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started_flag:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        _wait_for(lambda: self._finished, timeout)

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    def is_alive(self):
        return self._started_flag and not self._finished

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started_flag:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started_flag = True
        self._ident = _base_ident

    def _gen_running(self):
        return True


_base_ident = 139800000000000
_current = None
_main_thread_obj = None
_main_thread_obj = _MainThread()
_current = _main_thread_obj


def current_thread():
    return _current


currentThread = current_thread


def main_thread():
    return _main_thread_obj


def get_ident():
    return _current._ident


def get_native_id():
    return _current._ident


def active_count():
    return len(_active) + 1


activeCount = active_count


def enumerate():
    return [_main_thread_obj] + list(_active)


def settrace(func):
    pass


def setprofile(func):
    pass


def gettrace():
    return None


def getprofile():
    return None


def stack_size(size=0):
    return 0


class ExceptHookArgs(tuple):
    @property
    def exc_type(self):
        return self[0]

    @property
    def exc_value(self):
        return self[1]

    @property
    def exc_traceback(self):
        return self[2]

    @property
    def thread(self):
        return self[3]


def excepthook(args):
    if args.exc_type == SystemExit:
        return
    import traceback
    stderr = _sys.stderr
    if stderr is None:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    try:
        _sys.stdout.flush()
    except Exception:
        pass
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=stderr)
    stderr.flush()


__excepthook__ = excepthook


# ---- locks -----------------------------------------------------------------------------

def _check_timeout(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")


class _Lock:
    __slots__ = ('_locked',)

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        if _wait_for(lambda: not self._locked, None if timeout == -1 else timeout):
            self._locked = True
            return True
        return False

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    def _at_fork_reinit(self):
        self._locked = False

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()

    def __repr__(self):
        return "<%s _thread.lock object at %#x>" % ("locked" if self._locked else "unlocked", id(self))


def Lock():
    return _Lock()


class _RLock:
    def __init__(self):
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner._ident if self._owner is not None else 0
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._owner is not None else "unlocked",
            self.__class__.__module__, self.__class__.__qualname__,
            owner, self._count, hex(id(self)))

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        me = _current
        if self._owner is me:
            self._count += 1
            return True
        if self._owner is None:
            self._owner = me
            self._count = 1
            return True
        if not blocking:
            return False
        if _wait_for(lambda: self._owner is None, None if timeout == -1 else timeout):
            self._owner = me
            self._count = 1
            return True
        return False

    __enter__ = acquire

    def release(self):
        if self._owner is not _current:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None

    def __exit__(self, t, v, tb):
        self.release()

    def _is_owned(self):
        return self._owner is _current

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        return state

    def _acquire_restore(self, state):
        _wait_for(lambda: self._owner is None)
        self._count, self._owner = state


_RLock.__module__ = 'threading'
_RLock.__qualname__ = '_RLock'


def RLock(*args, **kwargs):
    return _RLock()


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        if hasattr(self._lock, '_release_save'):
            return self._lock._release_save()
        self._lock.release()
        return None

    def _acquire_restore(self, state):
        if hasattr(self._lock, '_acquire_restore'):
            self._lock._acquire_restore(state)
        else:
            self._lock.acquire()

    def _is_owned(self):
        if hasattr(self._lock, '_is_owned'):
            return self._lock._is_owned()
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = [False]
        self._waiters.append(waiter)
        saved = self._release_save()
        try:
            got = _wait_for(lambda: waiter[0], timeout)
            return got
        finally:
            self._acquire_restore(saved)
            if not waiter[0]:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time.monotonic() + waittime
                else:
                    waittime = endtime - _time.monotonic()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        for waiter in self._waiters[:n]:
            waiter[0] = True
        del self._waiters[:n]

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value > 0:
            self._value -= 1
            return True
        if not blocking:
            return False
        if _wait_for(lambda: self._value > 0, timeout):
            self._value -= 1
            return True
        return False

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        self._value += n

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value += n


class Event:
    def __init__(self):
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        return _wait_for(lambda: self._flag, timeout)


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._count = 0
        self._generation = 0
        self._broken = False

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        if self._broken:
            raise BrokenBarrierError
        index = self._count
        self._count += 1
        gen = self._generation
        if self._count == self._parties:
            try:
                if self._action:
                    self._action()
            except BaseException:
                self._break()
                raise
            self._count = 0
            self._generation += 1
            return index
        if not _wait_for(lambda: self._generation != gen or self._broken, timeout):
            self._break()
        if self._broken and self._generation == gen:
            raise BrokenBarrierError
        return index

    def _break(self):
        self._broken = True

    def reset(self):
        self._count = 0
        self._broken = False
        self._generation += 1

    def abort(self):
        self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class local:
    """Attributes that each thread sees its own copy of."""

    def __init__(self, *args, **kw):
        if (args or kw) and (type(self).__init__ is local.__init__):
            raise TypeError("Initialization arguments are not supported")
        object.__setattr__(self, '_local__dicts', {})
        object.__setattr__(self, '_local__args', (args, kw))

    def _local__dict(self):
        dicts = object.__getattribute__(self, '_local__dicts')
        key = id(_current)
        d = dicts.get(key)
        if d is None:
            d = dicts[key] = {}
            if type(self).__init__ is not local.__init__ and dicts.get('_init_done'):
                args, kw = object.__getattribute__(self, '_local__args')
                dicts[key] = d
                type(self).__init__(self, *args, **kw)
        return d

    def __getattribute__(self, name):
        if name.startswith('_local__') or name in ('__class__', '__dict__'):
            if name == '__dict__':
                return object.__getattribute__(self, '_local__dict')()
            return object.__getattribute__(self, name)
        d = object.__getattribute__(self, '_local__dict')()
        if name in d:
            return d[name]
        try:
            return object.__getattribute__(self, name)
        except AttributeError:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name)) from None

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError("'%s' object attribute '__dict__' is read-only" % type(self).__name__)
        object.__getattribute__(self, '_local__dict')()[name] = value
        object.__getattribute__(self, '_local__dicts')['_init_done'] = True

    def __delattr__(self, name):
        d = object.__getattribute__(self, '_local__dict')()
        try:
            del d[name]
        except KeyError:
            raise AttributeError(name) from None


def _shutdown():
    # The end of the program: the non-daemon threads finish first.
    _wait_for(lambda: all(t.daemon for t in _active))


_set_sleep_hook(_sleep_hook)
_atexit._shutdown_hooks.append(_shutdown)
