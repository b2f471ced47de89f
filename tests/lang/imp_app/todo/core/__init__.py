from .errors import TodoError, UnknownCommand
from .task import Task
from . import registry

__all__ = ['TodoError', 'UnknownCommand', 'Task', 'registry']
