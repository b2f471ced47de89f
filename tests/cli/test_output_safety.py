"""The compiler never writes its output over a source file (issue 9, item 1).

Whatever the output kind and however the output is named (the same name,
./name, a symlink, a hard link, the default name of an input without .py),
aithonc refuses with exit status 2 and the source is left byte for byte.
`-o -` is standard output for text and object outputs and refused for an
executable.
"""

import os
import subprocess
import sys

from _cli import TMP, aithonc, check, finish, read, write

AITHONC = os.path.abspath(sys.argv[1])

SRC = 'print("hello")\n'


def refused(args, src, what):
    before = read(src, 'rb')
    rc, out, err = aithonc(*args)
    check(rc == 2, what + ': exit status 2', 'got %r, stderr %r' % (rc, err))
    check('refusing to overwrite' in err or 'standard output' in err,
          what + ': says why', err)
    check(read(src, 'rb') == before, what + ': source unchanged')


write('a.py', SRC)
for extra in ([], ['--emit-llvm'], ['-S'], ['-c'], ['-O0']):
    refused(['a.py', '-o', 'a.py'] + extra, 'a.py', 'a.py -o a.py %s' % extra)
refused(['a.py', '-o', './a.py'], 'a.py', '-o ./a.py')
refused(['a.py', '-o', os.path.join(TMP, 'a.py')], 'a.py', '-o /abs/a.py')

os.symlink('a.py', os.path.join(TMP, 'link.py'))
refused(['a.py', '-o', 'link.py'], 'a.py', '-o symlink-to-source')
os.link(os.path.join(TMP, 'a.py'), os.path.join(TMP, 'hard'))
refused(['a.py', '-o', 'hard'], 'a.py', '-o hard-link-to-source')

# An input without .py: the default output name is the input itself.
write('x', SRC)
refused(['x'], 'x', 'x without -o')
write('y.PY', SRC)
refused(['y.PY'], 'y.PY', 'y.PY without -o')

# -o - for an executable is refused; nothing named '-' appears.
refused(['a.py', '-o', '-'], 'a.py', '-o - for an executable')
check(not os.path.exists(os.path.join(TMP, '-')), "no file named '-'")

# Text outputs and objects go to standard output.
rc, out, err = aithonc('a.py', '--emit-llvm', '-o', '-')
check(rc == 0 and 'define' in out, '--emit-llvm -o - writes IR to stdout', err)
rc, out, err = aithonc('a.py', '-c', '-o', '-')
check(rc == 0 and not os.path.exists(os.path.join(TMP, '-')), '-c -o - writes to stdout', err)

# Outputs that cannot be written are refused with the reason, in one
# line, exit status 2 (not the linker's or LLVM's own words).
os.makedirs(os.path.join(TMP, 'adir'), exist_ok=True)
for args, why in [(['-o', 'missing/dir/x'], 'No such file or directory'),
                  (['-o', 'a.py/x'], 'Not a directory'),
                  (['-o', 'adir'], 'Is a directory'),
                  (['--emit-llvm', '-o', 'missing/x.ll'], 'No such file or directory'),
                  (['-c', '-o', 'adir'], 'Is a directory'),
                  (['--emit-llvm', '-o', '/dev/full'], 'No space left on device')]:
    rc, out, err = aithonc('a.py', *args)
    want = 'aithonc: cannot write %s: %s\n' % (args[-1], why)
    check(rc == 2 and err == want, 'a.py %s refused' % ' '.join(args), repr((rc, err)))
for flag in ('--emit-llvm', '-S', '-c'):
    with open('/dev/full', 'w') as full:
        p = subprocess.run([AITHONC, 'a.py', flag, '-o', '-'], cwd=TMP, stdout=full, capture_output=False,
                           stderr=subprocess.PIPE)
    check(p.returncode == 2 and p.stderr == b'aithonc: cannot write standard output: No space left on device\n',
          '%s -o - into /dev/full' % flag, repr((p.returncode, p.stderr)))

# Ordinary outputs still work, and the program runs.
rc, out, err = aithonc('a.py', '-o', 'a')
check(rc == 0, 'a.py -o a compiles', err)
rc, out, err = aithonc('a.py')
check(rc == 0 and os.path.exists(os.path.join(TMP, 'a')), 'default output a', err)
from _cli import run
rc, out, err = run([os.path.join(TMP, 'a')])
check(rc == 0 and out == 'hello\n', 'the program runs', repr((rc, out, err)))
finish()
