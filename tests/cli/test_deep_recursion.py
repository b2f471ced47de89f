"""Runaway recursion ends quickly in RecursionError (issue 9, items 4
and 5), printed as CPython prints it.

- A recursion that allocates at every level: every collection scans the
  whole deep stack, so collections are paced by the stack's size; the
  RecursionError comes within seconds of CPU time (it took 20-129 s).
- A generator that resumes another without end (`yield from g(n + 1)`)
  stops at the recursion limit instead of growing until the OOM killer
  comes (4.3 KB per level).
Both run under a 4 GiB address-space limit and a CPU-time limit, and
must print what CPython prints (exit status, stdout, stderr with
CPython's absolute paths made relative). (CPython's
count of repeated lines also depends on how many ordinary frames and
builtin calls surround the generators, which Aithon does not count: a
module-level next() or sum() is what it reproduces.)
"""

import os
import resource
import subprocess
import sys

from _cli import SANITIZERS, TMP, check, finish, run, write, limit_address_space

AITHONC = os.path.abspath(sys.argv[1])


def limits():
    limit_address_space(4 << 30)
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))


def clean(err):
    return err.replace((TMP + '/').encode(), b'')


PROGRAMS = {
    'rec_alloc': '''def build(n):
    row = [n] * 8
    return build(n + 1) + row


try:
    build(0)
except RecursionError as e:
    print("caught:", e)
build(0)
''',
    'rec_gen': '''def g(n):
    yield from g(n + 1)


try:
    next(g(0))
except RecursionError as e:
    print("caught:", e)
print(sum(g(0)))
''',
}

for name, src in PROGRAMS.items():
    write(name + '.py', src)
    rc, out, err = run([AITHONC, name + '.py', '-o', name])
    if not check(rc == 0, name + ' compiles', err):
        continue
    want = subprocess.run([sys.executable, '-E', name + '.py'], cwd=TMP, capture_output=True,
                          preexec_fn=limits, timeout=300)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    got = subprocess.run([os.path.join(TMP, name)], cwd=TMP, capture_output=True,
                         preexec_fn=limits, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    check((got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, clean(want.stderr)),
          name + ': as CPython', 'got %r\nwant %r' % ((got.returncode, got.stdout, got.stderr[-400:]),
                                                       (want.returncode, want.stdout,
                                                        clean(want.stderr)[-400:])))
    if not SANITIZERS:  # (ASan and UBSan slow every step several times)
        check(cpu < 20, name + ': within seconds of CPU', '%.1f s' % cpu)
finish()
