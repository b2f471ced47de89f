_tasks = {}


def put(task):
    _tasks[task.id] = task
    return task


def get(task_id):
    return _tasks.get(task_id)


def all():
    return sorted(_tasks.values(), key=lambda t: t.id)


def count():
    return len(_tasks)
