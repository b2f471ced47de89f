"""Writes into a module's namespace through its dict are never lost
(docs/language.md, "m.__dict__ and vars(m) from outside"): a module the
compiler can name gets a live namespace (the language test
globals_dict_writes compares that with CPython); a write into the
snapshot dict of a module it cannot name — reached through a value —
is a TypeError naming the module, where CPython would have written.
Instances' dicts are unaffected.
"""

import os

from _cli import TMP, aithonc, check, finish, run, write

write('snap/plain_mod.py', 'X = 1\n\ndef get():\n    return X\n')
write('snap/main.py', '''import sys
import plain_mod


def poke(m, how):
    if how == 0:
        m.__dict__['X'] = 2
    elif how == 1:
        vars(m)['X'] = 3
    elif how == 2:
        vars(m).update(X=4)
    else:
        del m.__dict__['X']


class C:
    pass


c = C()
c.__dict__['a'] = 1
vars(c).update(b=2)
del vars(c)['a']
print(sorted(vars(c).items()))
name = 'plain' + '_mod'
for how in range(4):
    try:
        poke(sys.modules[name], how)
        print(how, 'written')
    except TypeError as e:
        print(how, 'TypeError:', e)
print(plain_mod.get(), vars(sys.modules[name])['X'])
''')

exe = os.path.join(TMP, 'snap.exe')
rc, out, err = aithonc('snap/main.py', '-o', exe)
if check(rc == 0, 'compiles', err):
    rc, out, err = run([exe])
    lines = out.splitlines()
    check(rc == 0 and lines[0] == "[('b', 2)]", 'instance dicts are written', repr(out) + err)
    for how in range(4):
        check(len(lines) > how + 1 and lines[how + 1].startswith(
            "%d TypeError: cannot write into the namespace of module 'plain_mod'" % how),
            'write %d into an unnamed module snapshot refused' % how, repr(out))
    check(lines[-1] == '1 1', 'the module is unchanged', repr(out))
finish()
