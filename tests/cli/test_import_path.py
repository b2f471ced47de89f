"""Where imports are found (issue 10): the main file's directory first,
then each -I DIR in order, then $PYTHONPATH's entries, then the runtime's
C modules and the stdlib. A file in the user's directories shadows the C
module random (a file in CPython's lib, as here) but never sys or time
(built into CPython). The compiled program does not need its sources:
everything is compiled in, so it runs from anywhere.
"""

import os

from _cli import TMP, aithonc, check, finish, run, write

write('app/main.py', 'import where, only_inc, only_pp, random, sys\n'
                     'print(where.NAME, only_inc.NAME, only_pp.NAME, random.NAME, hasattr(sys, "argv"))\n'
                     'from pkg import mod\nprint(mod.NAME)\n')
write('app/where.py', 'NAME = "app"\n')
write('app/random.py', 'NAME = "user random"\n')
write('app/sys.py', 'NAME = "never imported: sys is built in"\n')
write('inc1/where.py', 'NAME = "inc1"\n')
write('inc1/only_inc.py', 'NAME = "inc1"\n')
write('inc2/only_inc.py', 'NAME = "inc2"\n')
write('inc2/pkg/__init__.py', '')
write('inc2/pkg/mod.py', 'NAME = "inc2 pkg.mod"\n')
write('pp/only_inc.py', 'NAME = "pp"\n')
write('pp/only_pp.py', 'NAME = "pp"\n')
write('pp/pkg/__init__.py', '')
write('pp/pkg/mod.py', 'NAME = "pp pkg.mod (shadowed by inc2)"\n')

env = dict(os.environ, PYTHONPATH=os.path.join(TMP, 'pp') + os.pathsep + '/nonexistent')
exe = os.path.join(TMP, 'app.exe')
rc, out, err = aithonc('app/main.py', '-I', 'inc1', '-Iinc2', '-o', exe, env=env)
if check(rc == 0, 'compiles with -I and PYTHONPATH', err):
    rc, out, err = run([exe], cwd='/')
    check(rc == 0 and out == 'app inc1 pp user random True\ninc2 pkg.mod\n',
          'search order: main dir, -I in order, PYTHONPATH; user random shadows, sys does not',
          repr(out) + err)

# Without -I and PYTHONPATH the modules are not found: a compile error
# naming the module, at its import.
rc, out, err = aithonc('app/main.py', '-o', exe, env=dict(os.environ, PYTHONPATH=''))
check(rc == 1 and "app/main.py:1:" in err and "no module named 'only_inc'" in err,
      'a missing module is E0303 at the import', err)

# The same program compiled from inside its directory, with a relative -I.
rc, out, err = aithonc('main.py', '-I', '../inc1', '-I', '../inc2', '-o', exe,
                       cwd=os.path.join(TMP, 'app'), env=env)
check(rc == 0, 'compiles from its own directory', err)

# A syntax error in an imported module is reported with that module's path.
write('bad/main.py', 'import broken\n')
write('bad/broken.py', 'x = = 1\n')
rc, out, err = aithonc('bad/main.py', '-o', exe)
check(rc == 1 and 'bad/broken.py:1:5: error[E0101]: invalid syntax' in err,
      'syntax errors in imported modules name their file', err)

finish()
