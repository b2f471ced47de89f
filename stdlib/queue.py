# aithon: native
"""Queues: Queue (first in, first out), LifoQueue, PriorityQueue and
SimpleQueue, with the Empty and Full exceptions.

With threading's green threads running (stdlib/threading.py), a
blocking get() on an empty queue, put() on a full one and join() let the
other threads run until they can proceed (or the timeout passes). With
no other thread alive nothing else can fill or drain the queue: with a
timeout the call sleeps it and raises Empty/Full, as CPython does when
no other thread acts; without one it raises the same at once rather than
hang forever (CPython would deadlock), and join() with unfinished tasks
raises RuntimeError.

Subclasses may override _init/_qsize/_put/_get, as CPython documents
for its queue classes."""

from collections import deque
from heapq import heappush as _heappush, heappop as _heappop
import sys as _sys
import time as _time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']

_GenericAlias = type(list[int])


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


Empty.__module__ = '_queue'


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


def _wait(pred, timeout):
    """Wait for pred() while other threads run: its final value."""
    threading = _sys.modules.get('threading')
    if threading is not None and threading._active:
        return threading._wait_for(pred, timeout)
    if timeout:
        _time.sleep(timeout)
    return pred()


class Queue:
    '''Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite.
    '''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0

    def task_done(self):
        unfinished = self.unfinished_tasks - 1
        if unfinished <= 0:
            if unfinished < 0:
                raise ValueError('task_done() called too many times')
        self.unfinished_tasks = unfinished

    def join(self):
        if self.unfinished_tasks:
            _wait(lambda: not self.unfinished_tasks, None)
        if self.unfinished_tasks:
            raise RuntimeError('Queue.join() would wait forever: %d unfinished task(s) and no other thread'
                               % self.unfinished_tasks)

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        if self.maxsize > 0 and self._qsize() >= self.maxsize:
            if not block:
                raise Full
            _check_timeout(timeout)
            if not _wait(lambda: self._qsize() < self.maxsize, timeout):
                raise Full
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        if not self._qsize():
            if not block:
                raise Empty
            _check_timeout(timeout)
            if not _wait(self._qsize, timeout):
                raise Empty
        return self._get()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(_GenericAlias)


class PriorityQueue(Queue):
    '''Variant of Queue that retrieves open entries in priority order (lowest first).

    Entries are typically tuples of the form:  (priority number, data).
    '''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    '''Variant of Queue that retrieves most recently added entries first.'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''Simple, unbounded, reentrant FIFO queue.'''

    def __init__(self):
        self._queue = deque()

    def put(self, item, block=True, timeout=None):
        self._queue.append(item)

    def get(self, block=True, timeout=None):
        if not self._queue:
            if not block:
                raise Empty
            _check_timeout(timeout)
            if not _wait(lambda: len(self._queue) > 0, timeout):
                raise Empty
        return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)

    __class_getitem__ = classmethod(_GenericAlias)


SimpleQueue.__module__ = '_queue'
