# Writes into a module's namespace through its dict: m.__dict__[k] = v,
# vars(m)[k] = v, .update(), del, setdefault, sys.modules['m'].__dict__,
# a dotted package path, and a dict kept and written later.
import sys
import cfg
import plain
import viasys
import named
import pkg.sub
from pkg import sub as alias_sub

cfg.__dict__['DEBUG'] = True
vars(cfg)['LEVEL'] = 5
print(cfg.show(), cfg.level(), cfg.DEBUG)
cfg.__dict__.update(LEVEL=7, EXTRA='x')
print(cfg.show(), cfg.LEVEL)
del vars(cfg)['EXTRA']
print(cfg.show(), hasattr(cfg, 'EXTRA'))
print(vars(cfg).setdefault('LEVEL', 0), vars(cfg).setdefault('NEW', 'n'), cfg.NEW)
d = cfg.__dict__
d['LEVEL'] = 9
print(cfg.level(), d is cfg.__dict__)

sys.modules['named'].__dict__['VALUE'] = 'new'
print(named.value(), named.VALUE)

print(viasys.added(), viasys.ADDED)

pkg.sub.__dict__['N'] = 3
print(pkg.sub.n())
vars(alias_sub)['N'] += 1
print(alias_sub.n(), pkg.sub.N)

getattr(plain, '__dict__')['X'] = 2
print(plain.get(), plain.X)
print(sorted(k for k in vars(plain) if not k.startswith('__')))
