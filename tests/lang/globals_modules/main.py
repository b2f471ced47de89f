# globals() of an imported module, names set on modules from outside
# (setattr, attribute assignment) and read as bare globals inside them.
import registry
import plain
from registry import RED

print(registry.RED, registry.GREEN, RED)
print(registry.lookup('BLUE'), registry.lookup('PURPLE'))
print(registry.define('PURPLE', 4), registry.PURPLE, registry.lookup('PURPLE'))
print(sorted(k for k in vars(registry) if k.isupper()))
print(registry.__dict__['GREEN'])
registry.YELLOW = 5
print(registry.lookup('YELLOW'))
setattr(plain, 'extra', 5)
print(plain.read_extra())
del plain.extra
try:
    plain.read_extra()
except NameError as e:
    print(e)
