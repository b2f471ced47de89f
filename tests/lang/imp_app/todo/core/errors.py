class TodoError(Exception):
    pass


class UnknownCommand(TodoError):
    def __init__(self, name):
        super().__init__('unknown command %r' % name)
        self.name = name
