"""Deeply nested programs never crash the compiler (issue 9, item 2).

Long chains that the parser builds by iteration (`1+1+…`, `x.real.real…`,
`x[0:1][0:1]…`, `f()()…`) and chains it builds by recursion (`- - -1`,
`not not …`, `1**1**…`, `lambda: lambda: …`, conditional expressions)
are accepted exactly when CPython 3.11 accepts them (CPython is asked, on
the same file) and otherwise refused with error E0111, a line, a column
and a caret. The compiler runs under a 512 KiB `ulimit -s` and a 4 GiB
`ulimit -v`: its limits do not depend on the process's stack. Frame
blocks nested past CPython's 20 ("too many statically nested blocks") are
refused too.
"""

import os
import resource
import subprocess
import sys

from _cli import TMP, check, finish, run, write, limit_address_space

AITHONC = os.path.abspath(sys.argv[1])


def limits():
    resource.setrlimit(resource.RLIMIT_STACK, (512 << 10, 512 << 10))
    limit_address_space(4 << 30)


def cpython_accepts(name):
    """CPython compiles the file (running it may fail: that is not a
    compile error)."""
    p = subprocess.run([sys.executable, '-E', name], cwd=TMP, capture_output=True, timeout=120)
    return p.returncode == 0 or b'Traceback (most recent call last)' in p.stderr


def aithonc(*args):
    return run([AITHONC] + list(args), preexec_fn=limits, timeout=300)


PRELUDE = 'x = 1\ndef f():\n    return f\ny = '
CHAINS = {
    'sum': (lambda n: '+'.join(['1'] * n), [2999, 3000, 7000]),
    'real': (lambda n: 'x' + '.real' * n, [2998, 2999, 10000]),
    'slice': (lambda n: 'x' + '[0:1]' * n, [10000]),
    'call': (lambda n: 'f' + '()' * n, [2998, 2999]),
    'neg': (lambda n: '-' * n + '1', [2998, 2999, 100000]),
    'not': (lambda n: 'not ' * n + '1', [2998, 2999]),
    'pow': (lambda n: '**'.join(['1'] * n), [2984, 2985]),
    'lambda': (lambda n: 'lambda: ' * n + '1', [2983, 2984]),
    'ifexp': (lambda n: ' if 0 else '.join(['1'] * n), [2999, 3000]),
}

for kind, (make, sizes) in CHAINS.items():
    for n in sizes:
        name = '%s_%d.py' % (kind, n)
        write(name, PRELUDE + make(n) + '\n')
        want = cpython_accepts(name)
        rc, out, err = aithonc(name, '--emit-llvm', '-O0', '-o', os.devnull)
        what = '%s x %d' % (kind, n)
        if not check(rc in (0, 1), what + ': no crash', 'status %r, stderr %r' % (rc, err[-300:])):
            continue
        check((rc == 0) == want, what + ': accepted as CPython does',
              'CPython %s, aithonc status %r: %s' % ('accepts' if want else 'refuses', rc, err[:200]))
        if rc == 1:
            first = err.split('\n')[0]
            check(first.startswith(name + ':4:') and 'error[E0111]: ' in first,
                  what + ': E0111 at line 4 with a column', first[:200])
            check(('maximum recursion depth exceeded during compilation' in first
                   or 'too complex' in first), what + ': says why', first[:200])
            check(err.split('\n')[2].strip() == '^', what + ': caret line', err[:300])

# A deep program that CPython accepts compiles (-O2) and runs like it.
write('deep_ok.py', PRELUDE + '+'.join(['1'] * 2999) + '\nprint(y, x' + '.real' * 2000 + ')\n')
rc, out, err = aithonc('deep_ok.py', '-o', 'deep_ok')
if check(rc == 0, 'deep_ok compiles under ulimit -s 512k', err[-300:]):
    rc, out, err = run([os.path.join(TMP, 'deep_ok')])
    check((rc, out) == (0, '2999 1\n'), 'deep_ok runs', repr((rc, out, err)))


# Statically nested blocks: CPython refuses the 21st.
def nested(n, head):
    return ''.join(' ' * i + head + '\n' for i in range(n)) + ' ' * n + 'pass\n'


for n in (20, 21):
    for kind, head in (('for', 'for i in x:'), ('while', 'while x:'), ('with', 'with x:')):
        name = 'blocks_%s_%d.py' % (kind, n)
        write(name, 'x = []\n' + nested(n, head))
        want = cpython_accepts(name)
        rc, out, err = aithonc(name, '--emit-llvm', '-O0', '-o', os.devnull)
        what = '%d nested %s' % (n, kind)
        check((rc == 0) == want, what + ': as CPython', 'aithonc %r: %s' % (rc, err[:200]))
        if rc == 1:
            check('error[E0101]: too many statically nested blocks' in err, what + ': message', err[:200])
finish()
