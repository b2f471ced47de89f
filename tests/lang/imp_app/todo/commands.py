from .core import Task, TodoError
from .core.registry import command
from . import __version__


@command('add')
def add(store, text):
    task = store.put(Task(text))
    return 'added #%d' % task.id


@command('done')
def done(store, text):
    task = store.get(int(text))
    if task is None:
        raise TodoError('no task %s' % text)
    task.done = True
    return 'done #%d' % task.id


@command('list')
def list_tasks(store, text):
    return '\n'.join(repr(t) for t in store.all())


@command('stats')
def stats(store, text):
    done = sum(1 for t in store.all() if t.done)
    return 'v%s: %d/%d done (%s)' % (__version__, done, store.count(), stats.command_name)
