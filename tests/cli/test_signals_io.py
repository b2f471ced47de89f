"""Ctrl-C, broken pipes and failing writes behave as in CPython (issue 9,
items 7, 8 and 9).

Each program runs twice, under CPython 3.11 (`python3 -E`, so its
stdout is block-buffered as a compiled program's) and compiled, in the
same conditions, and the exit status, stdout and stderr must be equal
(CPython's absolute script path made relative):

- SIGINT in a busy loop, in time.sleep and in input(): KeyboardInterrupt
  at that line; `finally` runs and output is flushed; uncaught, the
  process dies by SIGINT (status -2 here, 130 in a shell); caught, the
  program goes on.
- `prog | head -1`: BrokenPipeError at the print that fails, traceback,
  exit 1; caught, the program goes on; `prog | true` with output still
  buffered at exit: "Exception ignored in: <_io.TextIOWrapper ...>" and
  status 120.
- started with stdout, stderr or stdin closed: output to a closed
  stream vanishes, the exit status is CPython's.
- `prog > /dev/full`: OSError [Errno 28] from print or
  sys.stdout.flush(), and 120 when the final flush fails.
Children run under a 4 GiB address-space limit.
"""

import os
import resource
import signal
import subprocess
import sys
import time

from _cli import TMP, check, finish, run, write, limit_address_space

AITHONC = os.path.abspath(sys.argv[1])


def limits():
    limit_address_space(4 << 30)


def build(name, src):
    write(name + '.py', src)
    rc, out, err = run([AITHONC, name + '.py', '-o', name])
    check(rc == 0, name + ' compiles', err)
    return rc == 0


def clean(err):
    """CPython's absolute paths made relative, and without its error
    location marker lines (`^^^^`: the lang tests compare those), also
    without frames of CPython's own frozen modules (input() from a pipe
    decodes in codecs.py, where CPython may notice the signal)."""
    lines = err.replace((TMP + '/').encode(), b'').split(b'\n')
    return b'\n'.join(l for l in lines if not (l.strip() and set(l.strip()) <= set(b'^~'))
                      and b'File "<frozen ' not in l)


def interrupted(cmd, stdin=None):
    """Start cmd, wait for its first line, send SIGINT, collect."""
    p = subprocess.Popen(cmd, cwd=TMP, stdin=stdin, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, preexec_fn=limits)
    first = p.stdout.readline()
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    try:
        p.wait(timeout=10)      # before communicate() closes stdin
    except subprocess.TimeoutExpired:
        pass
    try:
        out, err = p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return 'timed out', first + out, err
    return p.returncode, first + out, clean(err)


SIGINT_PROGRAMS = {
    'int_loop': '''print("start", flush=True)
total = 0
try:
    while True:
        total += 1
finally:
    print("finally ran", total > 0)
''',
    'int_sleep': '''import time
print("start", flush=True)
print("buffered, flushed at exit")
time.sleep(100)
''',
    'int_input': '''print("start", flush=True)
name = input()
print("never")
''',
    'int_caught': '''import time


def work(n):
    s = 0
    for i in range(n):
        s += i % 7
    return s


print("start", flush=True)
try:
    while True:
        work(1000)
except KeyboardInterrupt:
    print("caught KeyboardInterrupt")
time.sleep(0.01)
print("goes on")
''',
}

for name, src in SIGINT_PROGRAMS.items():
    if not build(name, src):
        continue
    stdin = subprocess.PIPE if name == 'int_input' else None
    want = interrupted([sys.executable, '-E', name + '.py'], stdin)
    got = interrupted([os.path.join(TMP, name)], stdin)
    check(got == want, 'SIGINT: %s as CPython' % name, 'got %r\nwant %r' % (got, want))


def shell(cmd):
    p = subprocess.run(['bash', '-c', cmd], cwd=TMP, capture_output=True, timeout=120,
                       preexec_fn=limits)
    return p.returncode, p.stdout, clean(p.stderr)


IO_PROGRAMS = {
    'pipe_loop': ('for i in range(100000):\n    print(i)\n', '| head -1'),
    'pipe_caught': ('''import sys
try:
    for i in range(100000):
        print(i)
except BrokenPipeError as e:
    sys.stderr.write("caught %r %d\\n" % (e, e.errno))
''', '| head -1'),
    'pipe_atexit': ('import time\ntime.sleep(0.3)\nprint("x")\nprint("after")\n', '| true'),
    'full_flush': ('import sys\nprint("hi")\nsys.stdout.flush()\nprint("never")\n', '> /dev/full'),
    'full_caught': ('''import sys
print("hi")
try:
    sys.stdout.flush()
except OSError as e:
    sys.stderr.write("caught %r %s %s\\n" % (e, e.errno, e.strerror))
''', '> /dev/full'),
    'full_loop': ('for i in range(10000):\n    print(i)\n', '> /dev/full'),
    'full_print_flush': ('print("x", flush=True)\n', '> /dev/full'),
    'full_atexit': ('print("lost")\n', '> /dev/full'),
    'pipe_ok': ('print("one line")\n', '| head -1'),
    # Started with a standard stream closed: what is printed to it
    # vanishes (the runtime's own files must not take its number).
    'closed_stdout': ('''import sys, time
time.sleep(0.01)
for i in range(3000):
    print(i)
sys.stderr.write("err\\n")
raise ValueError("boom")
''', '>&-'),
    'closed_stderr': ('print("out")\nraise ValueError("x")\n', '2>&-'),
    'closed_both': ('print("out")\nraise ValueError("x")\n', '>&- 2>&-'),
    'closed_stdin': ('print("out")\n', '<&-'),
}

for name, (src, redirect) in IO_PROGRAMS.items():
    if not build(name, src):
        continue
    tail = ' %s; exit ${PIPESTATUS[0]}' % redirect
    want = shell('python3 -E %s.py%s' % (name, tail))
    got = shell('./%s%s' % (name, tail))
    check(got == want, '%s (%s) as CPython' % (name, redirect), 'got %r\nwant %r' % (got, want))
finish()
