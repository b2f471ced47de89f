from . import DEFAULT_USER


class User:
    def __init__(self, name=DEFAULT_USER):
        self.name = name
