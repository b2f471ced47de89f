from .models.item import Item
from .util import money
from . import models


class Cart:
    def __init__(self, user):
        self.user = user
        self.lines = []

    def add(self, item, qty=1):
        assert isinstance(item, Item)
        self.lines.append((item, qty))

    def summary(self):
        total = sum(i.cents * q for i, q in self.lines)
        return '%s: %s = %s (%s)' % (self.user.name, self.lines, money.fmt(total), models.DEFAULT_USER)
