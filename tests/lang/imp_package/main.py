# A package with subpackages: import a.b.c, import … as, from-imports of
# submodules, relative imports (from . and from ..), __package__,
# __path__, and the order in which package bodies run.
import shop.models.item
print('after import shop.models.item:', shop.__name__, shop.models.__name__, shop.models.item.__name__)

import shop.util.money as money
from shop import cart
from shop.models import item as item_mod, user
from shop.util.money import fmt

print(money.fmt(1234), fmt(5), money is shop.util.money)
c = cart.Cart(user.User('ana'))
c.add(item_mod.Item('pen', 150), 2)
c.add(shop.models.item.Item('book', 1299))
print(c.summary())
print(shop.__package__, shop.models.__package__, item_mod.__package__, cart.__package__)
print([p.endswith('imp_package/shop') for p in shop.__path__], shop.models.__path__[0].endswith('shop/models'))
print(shop.__file__.endswith('shop/__init__.py'), item_mod.__file__.endswith('shop/models/item.py'))
print(shop.VERSION, shop.models.DEFAULT_USER, sorted(shop.loaded))
print(repr(item_mod).split(' from ')[0], repr(item_mod).endswith("item.py'>"), user.__name__)
import shop.util
print(sorted(n for n in dir(shop.util) if not n.startswith('_')))
