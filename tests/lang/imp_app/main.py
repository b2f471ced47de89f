# A small application split across a package: plugins register themselves
# with a decorator from another module when their module is imported,
# exceptions cross modules, module state is shared through attribute
# access, and `python main.py` runs the CLI under the __main__ guard.
import sys

from todo import commands            # importing it registers the commands
from todo.core import Task, TodoError, registry
from todo.storage import memory as store
import todo.storage.memory


def run(argv):
    for line in argv:
        name, _, rest = line.partition(' ')
        try:
            handler = registry.lookup(name)
            result = handler(store, rest)
        except TodoError as err:
            print('error [%s]: %s' % (type(err).__module__, err))
            continue
        if result is not None:
            print(result)
    return store.count()


if __name__ == '__main__':
    script = ['add buy milk', 'add write report', 'done 1', 'list', 'frobnicate now', 'done 9',
              'stats']
    n = run(script)
    print('tasks:', n, 'commands:', sorted(registry.names()))
    print(todo.storage.memory is store, commands.__name__, Task.__module__, registry.__name__)
    print(sorted(m for m in sys.modules if m.startswith('todo')))
