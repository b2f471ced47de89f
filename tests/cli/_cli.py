"""_cli.py — helpers for the cli tests (tests/cli/test_*.py).

Each test is run by tests/run_tests.py as `python3 test_X.py AITHONC TMPDIR`
from this directory and passes when it exits 0. A test calls check() for
every expectation; the failures are collected and printed at the end, so
one run reports every broken expectation, not only the first.
"""

import os
import subprocess
import sys

AITHONC = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else 'aithonc'
TMP = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else '/tmp/aithon-cli'
os.makedirs(TMP, exist_ok=True)

# ASan and TSan reserve terabytes of shadow address space: a program
# built with them cannot run under an address-space limit (ulimit -v).
SANITIZERS = set(filter(None, os.environ.get('AITHON_TEST_SANITIZE', '').split(',')))
ADDRESS_LIMITS = not ({'address', 'thread'} & SANITIZERS)


def limit_address_space(nbytes):
    """In a child (preexec_fn): RLIMIT_AS = nbytes, unless sanitized."""
    import resource
    if ADDRESS_LIMITS:
        resource.setrlimit(resource.RLIMIT_AS, (nbytes, nbytes))


_failures = []


def check(cond, what, detail=''):
    if not cond:
        _failures.append(what + (': ' + detail if detail else ''))
    return cond


def run(args, cwd=TMP, timeout=120, input=None, env=None, preexec_fn=None):
    """Run a command; (status, stdout, stderr) with text output. A timeout
    is status None."""
    try:
        p = subprocess.run(args, cwd=cwd, input=input, capture_output=True,
                           timeout=timeout, env=env, preexec_fn=preexec_fn)
    except subprocess.TimeoutExpired:
        return None, '', 'timed out after %ss' % timeout
    return (p.returncode, p.stdout.decode('utf-8', 'replace'),
            p.stderr.decode('utf-8', 'replace'))


def aithonc(*args, **kw):
    return run([AITHONC] + list(args), **kw)


def write(name, text, mode='w'):
    path = os.path.join(TMP, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)
    return path


def read(name, mode='r'):
    with open(os.path.join(TMP, name), mode) as f:
        return f.read()


def build_program(name, source, *flags):
    """Write SOURCE as NAME.py in TMP and compile it with FLAGS; the
    executable's path, or None after a failed check 'compiles'."""
    src = write(name + '.py', source)
    exe = os.path.join(os.path.dirname(src), name)
    rc, out, err = aithonc(src, *flags, '-o', exe)
    return exe if check(rc == 0, 'compiles', err) else None


def run_with_stats(exe, expected_out, threads=None):
    """Run EXE with AITHON_STATS=1 (and without AITHON_GC_STRESS: the counts
    are the program's own), checking that it exits 0 and prints
    EXPECTED_OUT; its stderr, where the statistics are."""
    env = dict(os.environ, AITHON_STATS='1')
    if threads:
        env['AITHON_THREADS'] = str(threads)
    env.pop('AITHON_GC_STRESS', None)
    rc, out, err = run([exe], env=env, timeout=120)
    check(rc == 0, 'runs', err[-400:])
    check(out == expected_out, 'output', repr(out))
    return err


def stat(err, pattern, what):
    """The number the AITHON_STATS line PATTERN (a regex with one group)
    reports in ERR, or None after a failed check 'AITHON_STATS prints WHAT'."""
    import re
    m = re.search(pattern, err)
    if not check(m is not None, 'AITHON_STATS prints ' + what, err[-400:]):
        return None
    return float(m.group(1))


def finish():
    for f in _failures:
        print('FAILED: ' + f)
    sys.exit(1 if _failures else 0)
