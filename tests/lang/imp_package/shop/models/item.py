from ..util.money import fmt
from . import DEFAULT_USER
from .. import loaded
loaded.append('item')
print('shop.models.item runs, default user', DEFAULT_USER)


class Item:
    def __init__(self, name, cents):
        self.name, self.cents = name, cents

    def __repr__(self):
        return 'Item(%r, %s)' % (self.name, fmt(self.cents))
