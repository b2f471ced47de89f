# Module objects: attribute access in both directions, vars() and
# __dict__, setattr/delattr from outside, a module-level __getattr__
# (PEP 562) for lazy and deprecated names, dir(), and modules as values.
import config
import lazy

print(config.DEBUG, config.level(), vars(config)['LEVEL'], config.__dict__['DEBUG'])
config.LEVEL = 3                  # the module's own functions see it
setattr(config, 'DEBUG', True)
print(config.level(), config.DEBUG, config.describe())
config.added = 'new attribute'
print(config.added, 'added' in vars(config), hasattr(config, 'nope'))
del config.added
print(hasattr(config, 'added'))
try:
    del config.never_there
except AttributeError as e:
    print('AttributeError:', e)

print(lazy.table[:3], lazy.loaded)
print(lazy.squares, lazy.loaded)      # computed on first access by __getattr__
try:
    lazy.missing
except AttributeError as e:
    print('AttributeError:', e)
print(sorted(n for n in dir(lazy) if not n.startswith('_')))

mods = [config, lazy]
print([m.__name__ for m in mods], type(config).__name__, isinstance(config, type(lazy)))
print(repr(config).startswith("<module 'config' from '"), repr(config).endswith("config.py'>"))
import sys
print(repr(sys), sys.modules['config'] is config)
