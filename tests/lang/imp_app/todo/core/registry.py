from .errors import UnknownCommand

_commands = {}


def command(name):
    def register(fn):
        _commands[name] = fn
        fn.command_name = name
        return fn
    return register


def lookup(name):
    try:
        return _commands[name]
    except KeyError:
        raise UnknownCommand(name) from None


def names():
    return list(_commands)
