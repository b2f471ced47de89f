"""aithon — the reference implementation of Aithon's actor API for CPython.

CPython has no `aithon` module; the golden outputs of the tests that use it
are produced by CPython running this file (tests/run_tests.py puts
tests/support/ on CPython's path for them). It is the specification of
/work/shared/AITHON_API.md written as code: where the C runtime
(runtime/actors/) and this file disagree, one of them is wrong.
docs/concurrency.md ("The aithon module") describes the same rules in prose.

Model.  A process is a daemon thread with a record (_Proc).  All records are
protected by ONE lock (_lock), so every event — a message or signal arriving,
a process ending, a link or monitor being made — happens atomically; each
process waits on a condition variable of that lock.  The program's main
thread is process <0.0.0>; spawned processes are numbered 1, 2, … in spawn
order.  Messages are deep-copied when sent (_copy), with the same rules as
Aithon's message copier (functions and their closures are copied, Pids and
Refs keep naming the same process, generators and the like cannot be sent).

Exit signals.  A signal that ends its target (exit(pid, 'kill'), or any
reason but 'normal' to a process that does not trap exits) sets the target's
pending exit and wakes it; a target that is running its own code (not inside
this module) gets aithon.ProcessExit raised asynchronously
(PyThreadState_SetAsyncExc), as Aithon raises it at the process's next
safepoint.  Blocking calls here (receive, call, time.sleep, which this
module replaces with an interruptible version) raise it when they wake.
"""

import array
import ctypes
import sys
import threading
import time
import traceback
import types

__all__ = [
    'Pid', 'Ref', 'Timeout', 'NoProc', 'CallError', 'ProcessExit', 'GenServer',
    'spawn', 'spawn_link', 'spawn_monitor', 'self', 'is_alive', 'send', 'receive',
    'link', 'unlink', 'trap_exits', 'monitor', 'demonitor', 'exit',
    'register', 'unregister', 'whereis', 'child', 'supervisor', 'which_children',
    'call', 'cast', 'stop',
]

_builtin_self = None  # (`self` is one of our functions)

# ---- exceptions ----------------------------------------------------------------


class Timeout(TimeoutError):
    """receive() or call() waited longer than its timeout."""


class NoProc(Exception):
    """send() to a name that is not registered; register() of a dead pid."""


class CallError(Exception):
    """call()/stop()/start() failed: .reason is why (the server's exit
    reason: its exception, 'noproc', …)."""

    @property
    def reason(self):
        return self.args[0] if self.args else None


class ProcessExit(SystemExit):
    """Ends the process that raises it (aithon.exit, a fatal exit signal).
    A SystemExit: in the main process it ends the program, silently for
    'normal', else with a one-line report and status 1."""

    def __init__(self, *args):
        p = _current()
        if not args and p is not None:
            with _lock:
                if p.pending_exit is not _UNSET:     # raised by a signal
                    p.exit_reason = p.pending_exit
                    p.pending_exit = _UNSET
            if p.exit_reason is not _UNSET and not _is_normal(p.exit_reason):
                args = ('=ERROR REPORT= process %r exited: %r' % (p.pid, p.exit_reason),)
        super().__init__(*args)


def _is_normal(reason):
    return type(reason) is str and reason == 'normal'


# ---- Pid and Ref ---------------------------------------------------------------------


class Pid:
    __slots__ = ('_proc',)

    def __init__(self, proc):
        self._proc = proc

    def __repr__(self):
        return '<0.%d.0>' % self._proc.num

    def __eq__(self, other):
        if not isinstance(other, Pid):
            return NotImplemented
        return self._proc is other._proc

    def __hash__(self):
        return hash(self._proc.num)


class Ref:
    __slots__ = ('_n',)

    def __init__(self, n):
        self._n = n

    def __repr__(self):
        return '#Ref<0.0.0.%d>' % self._n

    def __eq__(self, other):
        if not isinstance(other, Ref):
            return NotImplemented
        return self._n == other._n

    def __hash__(self):
        return hash(self._n)


# ---- state -----------------------------------------------------------------------------

_lock = threading.RLock()
_UNSET = object()
_tls = threading.local()
_names = {}                  # name -> _Proc
_pid_seq = [1]               # next process number (main is 0)
_ref_seq = [1]               # next reference number
_SUPPORT_FILE = __file__

# message kinds and flags (as runtime/actors/actint.h)
DATA, EXIT, DOWN, REPLY, CALL_, CAST_, STOP_, SYS_ = range(1, 9)
F_NORMAL, F_KILL, F_LINK = 1, 2, 4
_PROTOCOL = (CALL_, CAST_, STOP_, SYS_)

PLAIN, GENSERVER, SUPERVISOR = range(3)


def _next_ref():
    with _lock:
        n = _ref_seq[0]
        _ref_seq[0] += 1
        return n


class _Entry:
    __slots__ = ('kind', 'flags', 'ref', 'value')

    def __init__(self, kind, flags, ref, value):
        self.kind, self.flags, self.ref, self.value = kind, flags, ref, value


class _Proc:
    def __init__(self, num, kind=PLAIN):
        self.num = num
        self.kind = kind
        self.pid = Pid(self)
        self.alive = True
        self.links = []          # peers, in link order
        self.mons = []           # (ref, watcher): monitors on it
        self.outs = {}           # ref -> target: monitors it holds
        self.trap = False
        self.queue = []          # _Entry, arrival order
        self.cond = threading.Condition(_lock)
        self.pending_exit = _UNSET   # reason of a fatal signal not yet raised
        self.exit_reason = _UNSET
        self.depth = 1           # >0 while inside this module (a new
                                 # process starts inside it)
        self.async_sent = False
        self.thread = None
        self.ending = False


_main = _Proc(0)
_main.thread = threading.main_thread()
_main.depth = 0


def _current():
    p = getattr(_tls, 'proc', None)
    if p is None and threading.current_thread() is threading.main_thread():
        return _main
    return p


# ---- entering and leaving the module ------------------------------------------------------

def _clear_async(p):
    if p.async_sent:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(p.thread.ident), None)
        p.async_sent = False


def _raise_pending(p):
    """Under the lock: raise the pending fatal signal, if any."""
    if p.pending_exit is not _UNSET and not p.ending:
        raise ProcessExit()


def _enter():
    p = _current()
    if p is None:
        raise RuntimeError('aithon: not inside a process')
    with _lock:
        _clear_async(p)
        p.depth += 1
        try:
            _raise_pending(p)
        except ProcessExit:
            p.depth -= 1
            raise
    return p


def _leave(p):
    with _lock:
        p.depth -= 1


def _api(fn):
    """Decorator: the function runs inside the module (no asynchronous
    exception can hit its bookkeeping)."""
    def wrapper(*args, **kwargs):
        p = _enter()
        try:
            return fn(p, *args, **kwargs)
        finally:
            _leave(p)
    wrapper.__name__ = fn.__name__
    wrapper.__qualname__ = fn.__qualname__
    return wrapper


def _user(p, fn, *args, **kwargs):
    """Run user code from inside the module: exit signals may interrupt it."""
    with _lock:
        saved = p.depth
        p.depth = 0
        pending = p.pending_exit is not _UNSET
    if pending:
        with _lock:
            p.depth = saved
            _raise_pending(p)
    try:
        return fn(*args, **kwargs)
    finally:
        with _lock:
            _clear_async(p)
            p.depth = saved


def _wait(p, deadline):
    """Under the lock: wait for an event (deadline None: forever); raise a
    pending fatal signal. False when the deadline passed."""
    _raise_pending(p)
    if deadline is None:
        p.cond.wait()
    else:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        p.cond.wait(left)
    _raise_pending(p)
    return True


# ---- copying messages ------------------------------------------------------------------------

_ATOMIC = (int, float, complex, str, bytes, bool, type(None), type(Ellipsis),
           type(NotImplemented), type, types.BuiltinFunctionType, types.ModuleType, Pid, Ref)


def _unsendable(o):
    return TypeError("cannot send '%s' object to another actor" % type(o).__name__)


def _copy(v, memo=None):
    if memo is None:
        memo = {}
    t = type(v)
    if t is Pid:            # a new object naming the same process
        return Pid(v._proc)
    if t is Ref:
        return Ref(v._n)
    if isinstance(v, _ATOMIC) and t in _ATOMIC:
        return v
    k = id(v)
    if k in memo:
        return memo[k]
    if t is tuple:
        r = tuple(_copy(x, memo) for x in v)
        if k in memo:       # a cycle through a mutable item
            return memo[k]
        memo[k] = r
        return r
    if t is list:
        r = memo[k] = []
        r.extend(_copy(x, memo) for x in v)
        return r
    if t is dict:
        r = memo[k] = {}
        for a, b in v.items():
            r[_copy(a, memo)] = _copy(b, memo)
        return r
    if t is set:
        r = memo[k] = set()
        r.update(_copy(x, memo) for x in v)
        return r
    if t is frozenset:
        r = memo[k] = frozenset(_copy(x, memo) for x in v)
        return r
    if t is bytearray:
        r = memo[k] = bytearray(v)
        return r
    if t is array.array:
        r = memo[k] = array.array(v.typecode, v)
        return r
    if t is range:
        return v
    if t is slice:
        r = memo[k] = slice(_copy(v.start, memo), _copy(v.stop, memo), _copy(v.step, memo))
        return r
    if t is types.FunctionType:
        closure = None
        if v.__closure__ is not None:
            closure = tuple(types.CellType() for _ in v.__closure__)
        r = memo[k] = types.FunctionType(v.__code__, v.__globals__, v.__name__, None, closure)
        if closure is not None:
            for src, dst in zip(v.__closure__, closure):
                try:
                    dst.cell_contents = _copy(src.cell_contents, memo)
                except ValueError:
                    pass    # an empty cell stays empty
        r.__defaults__ = _copy(v.__defaults__, memo)
        r.__kwdefaults__ = _copy(v.__kwdefaults__, memo)
        r.__qualname__ = v.__qualname__
        return r
    if t is types.MethodType:
        r = memo[k] = types.MethodType(_copy(v.__func__, memo), _copy(v.__self__, memo))
        return r
    if isinstance(v, BaseException):
        r = memo[k] = BaseException.__new__(t)
        r.args = _copy(v.args, memo)
        if hasattr(v, '__dict__'):
            for a, b in v.__dict__.items():
                setattr(r, a, _copy(b, memo))
        r.__traceback__ = v.__traceback__
        r.__cause__ = _copy(v.__cause__, memo)
        r.__context__ = _copy(v.__context__, memo)
        r.__suppress_context__ = v.__suppress_context__
        return r
    if t.__module__ not in ('builtins', __name__) and (hasattr(v, '__dict__') or _slot_names(t)):
        # an instance of a user class (based on object, list or dict)
        if isinstance(v, list):
            r = memo[k] = list.__new__(t)
            r.extend(_copy(x, memo) for x in v)
        elif isinstance(v, dict):
            r = memo[k] = dict.__new__(t)
            for a, b in v.items():
                r[_copy(a, memo)] = _copy(b, memo)
        elif isinstance(v, bytearray):
            r = memo[k] = bytearray.__new__(t)
            r[:] = v
        elif isinstance(v, array.array):
            r = memo[k] = array.array.__new__(t, v.typecode, v)
        elif isinstance(v, _asyncio_bases()):
            raise _unsendable(v)  # their state belongs to the actor's loop
        elif type(v).__base__ is object or not isinstance(v, _BUILTIN_BASES):
            r = memo[k] = object.__new__(t)
        else:
            raise _unsendable(v)
        for a, b in getattr(v, '__dict__', {}).items():
            r.__dict__[a] = _copy(b, memo)
        for a in _slot_names(t):
            if hasattr(v, a):
                object.__setattr__(r, a, _copy(getattr(v, a), memo))
        return r
    raise _unsendable(v)


def _slot_names(t):
    names = []
    for k in t.__mro__:
        slots = k.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        names.extend(n for n in slots if n not in ('__dict__', '__weakref__'))
    return names


_BUILTIN_BASES = (int, float, str, bytes, tuple, set, frozenset)


def _asyncio_bases():
    import asyncio
    return (asyncio.Queue, asyncio.Future, asyncio.Lock, asyncio.Event, asyncio.Condition,
            asyncio.Semaphore)


# ---- delivering ---------------------------------------------------------------------------------

def _async_raise(p):
    """Under the lock: make a process that runs its own code notice its
    pending exit now."""
    if p.depth == 0 and not p.async_sent and not p.ending and p.thread is not None \
            and p.thread.ident is not None and p.thread is not threading.current_thread():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(p.thread.ident),
                                                   ctypes.py_object(ProcessExit))
        p.async_sent = True


def _deliver(to, entry):
    """Under the lock: put a (copied) entry in a live process's queue."""
    if to.alive:
        to.queue.append(entry)
        to.cond.notify_all()


def _signal_exit(to, frm, reason, flags):
    """Under the lock: an exit signal from process `frm` (its reason is
    already copied)."""
    if not to.alive:
        return
    if _is_normal(reason):
        flags |= F_NORMAL
    if flags & F_KILL or (not to.trap and not flags & F_NORMAL):
        if to.pending_exit is _UNSET:
            to.pending_exit = 'killed' if flags & F_KILL else reason
        to.cond.notify_all()
        _async_raise(to)
    elif to.trap:
        _deliver(to, _Entry(EXIT, flags, 0, ('EXIT', frm.pid, reason)))
    # else: 'normal', not trapped: ignored


def _send_copy(to, value, kind, ref=0):
    v = _copy(value)
    with _lock:
        _deliver(to, _Entry(kind, 0, ref, v))


# ---- processes ------------------------------------------------------------------------------------

def _new_proc(kind):
    with _lock:
        n = _pid_seq[0]
        _pid_seq[0] += 1
    return _Proc(n, kind)


def _spawn(parent, kind, start, link=False, monitor=False, body=None):
    start = _copy(start)
    p = _new_proc(kind)
    ref = 0
    with _lock:
        if link:
            parent.links.append(p)
            p.links.append(parent)
        if monitor:
            ref = _ref_seq[0]
            _ref_seq[0] += 1
            p.mons.append((ref, parent))
            parent.outs[ref] = p
    t = threading.Thread(target=_proc_main, args=(p, start, body), daemon=True)
    p.thread = t
    t.start()
    return p, ref


def _strip_tb(tb):
    """The traceback without this module's frames (Aithon's C functions
    add none)."""
    frames = []
    while tb is not None:
        if tb.tb_frame.f_code.co_filename != _SUPPORT_FILE:
            frames.append(tb)
        tb = tb.tb_next
    new = None
    for f in reversed(frames):
        new = types.TracebackType(new, f.tb_frame, f.tb_lasti, f.tb_lineno)
    return new


def _strip_chain(exc):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        exc.__traceback__ = _strip_tb(exc.__traceback__)
        if exc.__context__ is not None and exc.__cause__ is None:
            _strip_chain(exc.__context__)
        exc = exc.__cause__ if exc.__cause__ is not None else None


def _excepthook(t, v, tb):
    _strip_chain(v)
    sys.__excepthook__(t, v, v.__traceback__)


sys.excepthook = _excepthook


def _proc_main(p, start, body):
    _tls.proc = p
    crash = None
    reason = 'normal'
    try:
        if body is None:
            fn, args, kwargs = start
            r = _user(p, fn, *args, **kwargs)
            if isinstance(r, types.CoroutineType):
                # an async def: the process runs it on an event loop of its own
                import asyncio
                _user(p, asyncio.run, r)
        else:
            reason = body(p, start)
    except ProcessExit:
        reason = p.exit_reason if p.exit_reason is not _UNSET else 'normal'
    except BaseException as e:
        crash = reason = e
    _end(p, reason, crash)


def _sendable_reason(reason):
    try:
        return _copy(reason)
    except TypeError:
        return repr(reason)


def _end(p, reason, crash):
    with _lock:
        p.ending = True
        _clear_async(p)
        watched = bool(p.links or p.mons)
    if crash is not None and not watched:
        _strip_chain(crash)
        text = ''.join(traceback.format_exception(type(crash), crash, crash.__traceback__))
        sys.stderr.write('=ERROR REPORT= process %r crashed:\n%s' % (p.pid, text))
        sys.stderr.flush()
    with _lock:
        p.alive = False
        links, p.links = p.links, []
        for peer in links:
            peer.links.remove(p)
        mons, p.mons = p.mons, []
        for name in [n for n, q in _names.items() if q is p]:
            del _names[name]
        for ref, target in p.outs.items():
            target.mons[:] = [m for m in target.mons if m[0] != ref]
        p.outs.clear()
        if links or mons:
            r = _sendable_reason(reason)
        for peer in links:
            _signal_exit(peer, p, _copy(r), F_LINK)
        for ref, watcher in mons:
            _deliver(watcher, _Entry(DOWN, 0, ref, ('DOWN', Ref(ref), p.pid, _copy(r))))
        p.queue = []


def _exit_self(p, reason):
    p.exit_reason = reason
    raise ProcessExit()


# ---- receiving ----------------------------------------------------------------------------------------

def _take(p, i):
    e = p.queue.pop(i)
    if e.kind == DOWN:
        p.outs.pop(e.ref, None)
    return e


def _visible(p, i, user):
    """Under the lock: may entry i be handed out? Drops what a user-level
    receive must never see. Returns (visible, removed)."""
    e = p.queue[i]
    if not user:
        return True, False
    if e.kind == REPLY or (e.kind in _PROTOCOL and p.kind == PLAIN):
        del p.queue[i]
        return False, True
    return e.kind in (DATA, EXIT, DOWN), False


def _recv(p, deadline, match=None, user=False):
    """The oldest entry that `match(entry)` accepts (None: any): the entry,
    or None at the deadline. Under no lock on entry."""
    i = 0
    with _lock:
        while True:
            _raise_pending(p)
            while i < len(p.queue):
                vis, removed = _visible(p, i, user)
                if removed:
                    continue
                if not vis:
                    i += 1
                    continue
                e = p.queue[i]
                ok = True if match is None else match(e)
                if ok and i < len(p.queue) and p.queue[i] is e:
                    return _take(p, i)
                i += 1
            if deadline == 0 or not _wait(p, None if deadline is None else deadline):
                if deadline == 0:
                    return None
                # the deadline passed: one last look at what arrived
                deadline = 0


def _recv_tag(p, deadline, pred):
    with _lock:
        while True:
            _raise_pending(p)
            for i, e in enumerate(p.queue):
                if pred(e.kind, e.ref):
                    return _take(p, i)
            if deadline == 0 or not _wait(p, deadline):
                if deadline == 0:
                    return None
                deadline = 0


def _timeout_ns_deadline(timeout):
    """timeout seconds -> a deadline (time.monotonic), 0 to poll, None."""
    if timeout is None:
        return None
    if not isinstance(timeout, (int, float)):
        raise TypeError('must be real number, not %s' % type(timeout).__name__)
    if timeout != timeout:
        raise ValueError('timeout must be a number, not NaN')
    if timeout <= 0:
        return 0
    return time.monotonic() + timeout


# ---- the API: processes -----------------------------------------------------------------------------

def spawn(fn, /, *args, **kwargs):
    return _spawn_api(False, False, fn, args, kwargs)


def spawn_link(fn, /, *args, **kwargs):
    return _spawn_api(True, False, fn, args, kwargs)


def spawn_monitor(fn, /, *args, **kwargs):
    return _spawn_api(False, True, fn, args, kwargs)


@_api
def _spawn_api(me, link, monitor, fn, args, kwargs):
    p, ref = _spawn(me, PLAIN, (fn, args, kwargs), link=link, monitor=monitor)
    if monitor:
        return (p.pid, Ref(ref))
    return p.pid


@_api
def self(me):
    return me.pid


def _pid_arg(fname, v):
    if isinstance(v, Pid):
        return v._proc
    raise TypeError("%s() argument must be a Pid, not '%s'" % (fname, type(v).__name__))


@_api
def is_alive(me, pid):
    p = _pid_arg('is_alive', pid)
    with _lock:
        return p.alive


# ---- messages ------------------------------------------------------------------------------------------

def _dest(dest):
    """(proc, missing): a Pid's process, or a registered name's."""
    if isinstance(dest, Pid):
        return dest._proc, False
    if isinstance(dest, str):
        with _lock:
            p = _names.get(dest)
        return p, p is None
    raise TypeError("destination must be a Pid or a registered name, not '%s'" % type(dest).__name__)


@_api
def send(me, dest, msg):
    p, missing = _dest(dest)
    if missing:
        raise NoProc(dest)
    _send_copy(p, msg, DATA)


@_api
def receive(me, timeout=None, match=None):
    deadline = _timeout_ns_deadline(timeout)
    m = None if match is None else (lambda e: _user(me, match, e.value))
    e = _recv(me, deadline, m, user=True)
    if e is None:
        raise Timeout()
    return e.value


# ---- links, monitors, exits -------------------------------------------------------------------------------

@_api
def link(me, pid):
    p = _pid_arg('link', pid)
    if p is me:
        return None
    with _lock:
        if p.alive:
            if p not in me.links:
                me.links.append(p)
                p.links.append(me)
            return None
        _signal_exit(me, p, 'noproc', F_LINK)
        _raise_pending(me)


@_api
def unlink(me, pid):
    p = _pid_arg('unlink', pid)
    with _lock:
        if p in me.links:
            me.links.remove(p)
        if me in p.links:
            p.links.remove(me)


@_api
def trap_exits(me, flag):
    on = bool(flag)
    with _lock:
        old = me.trap
        me.trap = on
    return old


def _monitor(me, p):
    ref = _next_ref()
    with _lock:
        me.outs[ref] = p
        if p.alive:
            p.mons.append((ref, me))
        else:
            _deliver(me, _Entry(DOWN, 0, ref, ('DOWN', Ref(ref), p.pid, 'noproc')))
    return ref


def _demonitor(me, ref):
    with _lock:
        p = me.outs.pop(ref, None)
        if p is None:
            return
        before = len(p.mons)
        p.mons[:] = [m for m in p.mons if m[0] != ref]
        if len(p.mons) == before:   # it has ended: its DOWN is queued
            for i, e in enumerate(me.queue):
                if e.kind == DOWN and e.ref == ref:
                    del me.queue[i]
                    break


@_api
def monitor(me, pid):
    return Ref(_monitor(me, _pid_arg('monitor', pid)))


@_api
def demonitor(me, ref):
    if not isinstance(ref, Ref):
        raise TypeError("demonitor() argument must be a Ref, not '%s'" % type(ref).__name__)
    _demonitor(me, ref._n)


@_api
def exit(me, *args):
    if len(args) == 1:
        _exit_self(me, args[0])
    if len(args) != 2:
        raise TypeError('exit expected at %s, got %d' % (
            'least 1 argument' if not args else 'most 2 arguments', len(args)))
    pid, reason = args
    p = _pid_arg('exit', pid)
    r = _copy(reason)
    with _lock:
        _signal_exit(p, me, r, F_KILL if type(reason) is str and reason == 'kill' else 0)
        if p is me:
            _raise_pending(me)


# ---- names --------------------------------------------------------------------------------------------------

def _name_arg(name):
    if not isinstance(name, str):
        raise TypeError("a registered name must be a str, not '%s'" % type(name).__name__)


@_api
def register(me, name, pid=None):
    p = me if pid is None else _pid_arg('register', pid)
    _name_arg(name)
    with _lock:
        if name in _names:
            raise ValueError('name %r is already registered' % name)
        if not p.alive:
            raise NoProc(p.pid)
        _names[name] = p


@_api
def unregister(me, name):
    _name_arg(name)
    with _lock:
        if name not in _names:
            raise ValueError('name %r is not registered' % name)
        del _names[name]


@_api
def whereis(me, name):
    _name_arg(name)
    with _lock:
        p = _names.get(name)
    return None if p is None else p.pid


# ---- calls (GenServer protocol) ------------------------------------------------------------------------------

def _call(me, dest, kind, request, deadline):
    p, missing = _dest(dest)
    if missing:
        raise CallError('noproc')
    mref = _monitor(me, p)
    try:
        _send_copy(p, ((me.pid, Ref(mref)), request), kind, mref)
        e = _recv_tag(me, deadline, lambda k, r: k in (REPLY, DOWN) and r == mref)
    except BaseException:
        _demonitor(me, mref)
        raise
    if e is None:
        _demonitor(me, mref)
        raise Timeout()
    if e.kind == REPLY:
        _demonitor(me, mref)
        return e.value
    raise CallError(e.value[3])


@_api
def call(me, pid, request, timeout=5.0):
    return _call(me, pid, CALL_, request, _timeout_ns_deadline(timeout))


@_api
def cast(me, pid, request):
    p, missing = _dest(pid)
    if not missing:
        _send_copy(p, request, CAST_)


@_api
def stop(me, pid, reason='normal'):
    p, missing = _dest(pid)
    if missing:
        raise CallError('noproc')
    mref = _monitor(me, p)
    try:
        _send_copy(p, reason, STOP_, mref)
        e = _recv_tag(me, None, lambda k, r: k == DOWN and r == mref)
    except BaseException:
        _demonitor(me, mref)
        raise
    got = e.value[3]
    if got == reason:
        return None
    raise CallError(got)


class GenServer:
    """Subclass it; start a server with Sub.start(*args, **kwargs)."""

    def init(self, *args, **kwargs):
        pass

    def handle_call(self, request, sender):
        raise NotImplementedError('%s does not implement handle_call' % type(self).__name__)

    def handle_cast(self, request):
        raise NotImplementedError('%s does not implement handle_cast' % type(self).__name__)

    def handle_info(self, msg):
        pass

    @classmethod
    def start(cls, *args, **kwargs):
        return _gs_start(cls, args, kwargs, False)

    @classmethod
    def start_link(cls, *args, **kwargs):
        return _gs_start(cls, args, kwargs, True)


@_api
def _gs_start(me, cls, args, kwargs, link):
    ack = _next_ref()
    p, mref = _spawn(me, GENSERVER, (cls, args, kwargs, me.pid, Ref(ack)), link=link, monitor=True,
                     body=_gs_main)
    try:
        e = _recv_tag(me, None, lambda k, r: (k == REPLY and r == ack) or (k == DOWN and r == mref))
    except BaseException:
        _demonitor(me, mref)
        raise
    if e.kind == REPLY:
        _demonitor(me, mref)
        return p.pid
    raise CallError(e.value[3])


def _gs_main(p, start):
    cls, args, kwargs, starter, ack = start
    inst = object.__new__(cls)
    _user(p, inst.init, *args, **kwargs)
    _send_copy(starter._proc, None, REPLY, ack._n)
    while True:
        e = _recv(p, None)
        if e.kind == CALL_:
            sender, request = e.value
            reply = _user(p, inst.handle_call, request, sender)
            _send_copy(sender[0]._proc, reply, REPLY, sender[1]._n)
        elif e.kind == CAST_:
            _user(p, inst.handle_cast, e.value)
        elif e.kind == STOP_:
            return e.value
        elif e.kind in (REPLY, SYS_):
            pass
        else:
            _user(p, inst.handle_info, e.value)


# ---- supervisors ------------------------------------------------------------------------------------------------

_RESTARTS = ('permanent', 'transient', 'temporary')
_STRATEGIES = ('one_for_one', 'one_for_all', 'rest_for_one')
_SHUTDOWN_TIMEOUT = 5.0


def child(id, fn, *args, restart='permanent'):
    if not (isinstance(restart, str) and restart in _RESTARTS):
        raise ValueError('invalid restart type: %r' % (restart,))
    return (id, fn, args, restart)


def _spec_ok(s):
    return (type(s) is tuple and len(s) == 4 and type(s[2]) is tuple
            and isinstance(s[3], str) and s[3] in _RESTARTS)


@_api
def supervisor(me, children, strategy='one_for_one', max_restarts=1, max_seconds=5):
    specs = list(children)
    for s in specs:
        if not _spec_ok(s):
            raise TypeError('supervisor() children must be made by aithon.child()')
    if not (isinstance(strategy, str) and strategy in _STRATEGIES):
        raise ValueError('invalid strategy: %r' % (strategy,))
    if not isinstance(max_restarts, int) or max_restarts < 0:
        raise ValueError('max_restarts must be a non-negative int')
    if not isinstance(max_seconds, (int, float)):
        raise TypeError('must be real number, not %s' % type(max_seconds).__name__)
    if not max_seconds >= 0:
        raise ValueError('max_seconds must be a non-negative number')
    p, _ = _spawn(me, SUPERVISOR, (tuple(specs), strategy, int(max_restarts), max_seconds),
                  body=_sup_main)
    return p.pid


@_api
def which_children(me, sup):
    return _call(me, sup, SYS_, 'which_children', time.monotonic() + 5.0)


class _Sup:
    def __init__(self, p, specs, strategy, max_restarts, max_seconds):
        self.p = p
        self.kids = [[s, None] for s in specs]   # [spec, running _Proc or None]
        self.strategy = strategy
        self.max_restarts = max_restarts
        self.period = max_seconds
        self.restarts = []

    def start(self, i):
        spec = self.kids[i][0]
        q, _ = _spawn(self.p, PLAIN, (spec[1], spec[2], {}), link=True)
        self.kids[i][1] = q

    def stop(self, i):
        q = self.kids[i][1]
        if q is None:
            return
        with _lock:
            _signal_exit(q, self.p, 'shutdown', 0)

        def is_exit(e):
            return e.kind == EXIT and e.value[1] == q.pid
        e = _recv(self.p, time.monotonic() + _SHUTDOWN_TIMEOUT, is_exit)
        if e is None:
            with _lock:
                _signal_exit(q, self.p, 'kill', F_KILL)
            _recv(self.p, None, is_exit)
        self.kids[i][1] = None

    def stop_range(self, lo, hi, skip):
        for j in range(hi - 1, lo - 1, -1):
            if j != skip:
                self.stop(j)
        for j in range(hi - 1, lo - 1, -1):
            if j != skip and self.kids[j][0][3] == 'temporary':
                del self.kids[j]

    def add_restart(self):
        now = time.monotonic()
        self.restarts = [t for t in self.restarts if t >= now - self.period]
        self.restarts.append(now)
        return len(self.restarts) <= self.max_restarts

    def child_ended(self, i, reason):
        """True when the supervisor must shut down."""
        self.kids[i][1] = None
        restart = self.kids[i][0][3]
        if restart == 'temporary':
            del self.kids[i]
            return False
        if restart == 'transient' and type(reason) is str and reason in ('normal', 'shutdown'):
            return False
        if not self.add_restart():
            return True
        if self.strategy == 'one_for_one':
            self.start(i)
            return False
        if self.strategy == 'one_for_all':
            self.stop_range(0, len(self.kids), i)
            frm = 0
        else:
            self.stop_range(i + 1, len(self.kids), -1)
            frm = i
        for j in range(frm, len(self.kids)):
            if self.kids[j][1] is None:
                self.start(j)
        return False

    def shutdown(self, reason):
        self.stop_range(0, len(self.kids), -1)
        return reason


def _sup_main(p, start):
    specs, strategy, max_restarts, max_seconds = start
    with _lock:
        p.trap = True
    s = _Sup(p, specs, strategy, max_restarts, max_seconds)
    for i in range(len(s.kids)):
        s.start(i)
    while True:
        e = _recv(p, None)
        if e.kind == EXIT:
            _, frm, reason = e.value
            i = next((j for j, k in enumerate(s.kids) if k[1] is not None and k[1].pid == frm), None)
            if i is not None:
                if s.child_ended(i, reason):
                    return s.shutdown('shutdown')
            elif not e.flags & F_LINK and not _is_normal(reason):
                return s.shutdown(reason)
        elif e.kind == STOP_:
            return s.shutdown(e.value)
        elif e.kind == SYS_:
            sender, _ = e.value
            kids = [(k[0][0], None if k[1] is None else k[1].pid) for k in s.kids]
            _send_copy(sender[0]._proc, kids, REPLY, sender[1]._n)


# ---- time.sleep: interruptible by exit signals, as in Aithon ----------------------------------------------------

_real_sleep = time.sleep


def _sleep(secs):
    p = _current()
    if p is None or not isinstance(secs, (int, float)) or secs != secs or secs < 0:
        return _real_sleep(secs)
    deadline = time.monotonic() + secs
    with _lock:
        saved = p.depth
        p.depth += 1
        _clear_async(p)
        try:
            _raise_pending(p)
            while _wait(p, deadline):
                pass
        finally:
            p.depth = saved


time.sleep = _sleep
