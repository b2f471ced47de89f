#!/usr/bin/env python3
"""run_tests.py — Aithon's one test runner (see docs/testing.md).

Kinds of test, all run in parallel:

  lang      tests/lang/NAME.py and examples/NAME.py: compiled with aithonc,
            run; stdout must equal NAME.out byte for byte; NAME.err, when
            present, holds `exit: N` and the expected stderr (else the
            program must exit 0 with an empty stderr). A directory
            tests/lang/NAME/ with a main.py is one multi-file program
            (main.out, main.err beside it).
  syntax    tests/syntax/*.py: `aithonc --parse-only` must exit 1 and print
            the `# expect-error: LINE:COL: ECODE: message` lines the file
            announces; CPython must reject the file at the same line.
  errors    tests/errors/*.py: the same for a full compile.
  gcstress  tests/lang/*.py again under AITHON_GC_STRESS=1: a collection at
            every allocation, with the collector's verifier (including its
            write-barrier check); the output must still match.
  cli       tests/cli/test_*.py: scripts that drive aithonc and compiled
            programs from the outside (the driver's options, hostile inputs,
            faults); run as `python3 test_X.py AITHONC TMPDIR`, exit 0 passes.
  runtime   tests/runtime/test_*.c: C programs linked with the runtime
            archive; exit status 0 passes.
  stdlib    aithonc --parse-only over CPython 3.11's own standard library:
            it must accept what CPython compiles and reject what it cannot.

`--golden` instead regenerates the expected outputs of the lang tests with
CPython 3.11 (this is `make golden`). Standard library only; Python 3.8+.
"""

import argparse
import concurrent.futures as cf
import difflib
import json
import os
import re
import shutil
import signal
import resource
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

COMPILE_TIMEOUT = 120   # seconds for one aithonc run (generous: ASan builds are slow)
RUN_TIMEOUT = 30        # seconds for one test program (--timeout)
STDLIB_BATCHES = 8      # aithonc invocations for the stdlib parse test
C_TEST_FLAGS = ['-std=c17', '-g', '-O1', '-Wall', '-Wextra', '-Werror', '-D_GNU_SOURCE=']
C_TEST_LIBS = ['-lgmp', '-lffi', '-lm', '-lpthread']

# Extra compile+link flags for each --sanitize value (runtime unit tests) and
# the environment their reports need to fail a test loudly.
SANITIZER_FLAGS = {
    'address': ['-fsanitize=address', '-fno-omit-frame-pointer'],
    'undefined': ['-fsanitize=undefined', '-fno-sanitize-recover=all'],
    'thread': ['-fsanitize=thread'],
}
SANITIZER_ENV = {
    # a request past what the allocator supports returns NULL (the
    # runtime's MemoryError) instead of aborting
    'ASAN_OPTIONS': 'detect_leaks=0:allocator_may_return_null=1',
    'UBSAN_OPTIONS': 'print_stacktrace=1:halt_on_error=1',
    'TSAN_OPTIONS': 'halt_on_error=1:second_deadlock_stack=1',
}

EXPECT_RE = re.compile(r'#\s*expect-error:\s*(\d+):(\d+):\s*(E\d+):\s*(.*?)\s*$')
ERROR_LINE_RE = re.compile(r'^(.*?):(?:\d+:){0,2} error\[(E\d+)\]: ')


# ---- results -----------------------------------------------------------------

class Result:
    def __init__(self, status, detail=(), info=None):
        self.status = status            # 'pass', 'fail' or 'skip'
        self.detail = list(detail)      # lines shown under a failure or skip
        self.info = info                # one line shown even on success

def passed(info=None):
    return Result('pass', info=info)

def failed(*lines):
    return Result('fail', lines)

def skipped(reason):
    return Result('skip', [reason])


class Test:
    def __init__(self, name, kind, func, *args):
        self.name, self.kind, self.func, self.args = name, kind, func, args

    def run(self, ctx):
        return self.func(ctx, *self.args)


# ---- helpers -------------------------------------------------------------------

LIVE = set()                 # running child processes, killed on Ctrl-C
LIVE_LOCK = threading.Lock()
STOPPING = threading.Event()  # set on Ctrl-C: start no new process


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)   # the whole group, not only the child
    except (ProcessLookupError, PermissionError):
        pass


def limit_memory(nbytes):
    """A preexec_fn: an address-space limit (ulimit -v) for the child."""
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (nbytes, nbytes))
    return apply


def run(cmd, cwd=None, timeout=None, env=None, mem_limit=None):
    """Run cmd in its own process group with stdin from /dev/null; returns
    (returncode, stdout bytes, stderr bytes). A timeout is returncode None;
    a missing executable raises FileNotFoundError. mem_limit (bytes) caps
    the child's address space."""
    with LIVE_LOCK:
        if STOPPING.is_set():
            raise KeyboardInterrupt
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True,
                                preexec_fn=limit_memory(mem_limit) if mem_limit else None)
        LIVE.add(proc)
    try:
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out, err
    except subprocess.TimeoutExpired:
        kill_group(proc)
        out, err = proc.communicate()
        return None, out, err
    finally:
        with LIVE_LOCK:
            LIVE.discard(proc)


def text(data):
    return data.decode('utf-8', errors='replace')


def describe_status(rc, timeout):
    if rc is None:
        return 'timed out after %ss' % timeout
    if rc < 0:
        try:
            return 'killed by %s' % signal.Signals(-rc).name
        except ValueError:
            return 'killed by signal %d' % -rc
    return 'exit status %d' % rc


def tail(data, n=12, head=0):
    """The last n lines (and the first `head`) of a program's output,
    indented, for a report."""
    lines = text(data).rstrip('\n').split('\n') if data else []
    if len(lines) > head + n:
        lines = lines[:head] + ['...'] + lines[-n:]
    return ['    ' + line for line in lines]


def lines_of(data):
    """bytes -> lines, each keeping its b'\\n' (only b'\\n' ends a line)."""
    parts = data.split(b'\n')
    lines = [p + b'\n' for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def short_diff(expected, actual, what, limit=14):
    """The first differing lines of two outputs (bytes), as report lines."""
    exp = [text(l) for l in lines_of(expected)]
    act = [text(l) for l in lines_of(actual)]
    lines = ['  %s differs (- expected, + actual):' % what]
    diff = list(difflib.unified_diff(exp, act, n=1))[2:]
    shown = 0
    for d in diff:
        if shown >= limit:
            lines.append('    ...')
            break
        body = d.rstrip('\n')
        if not d.endswith('\n') and d[:1] in '+- ':
            body += '   (no newline at end)'
        lines.append('    ' + body)
        shown += 1
    return lines


def normalise_err(data, absdir):
    """Normalise stderr (bytes) for comparison: make paths under the
    test's directory relative (CPython >= 3.9 shows the script's absolute
    path in tracebacks). Everything else, CPython 3.11's ^~~ error
    location markers included, must match."""
    return data.replace(os.fsencode(absdir + os.sep), b'')


def find_python311():
    """A CPython 3.11 executable: this interpreter if it is one, else
    python3.11 or python3 on PATH when they are 3.11; None if there is none."""
    if sys.version_info[:2] == (3, 11) and sys.implementation.name == 'cpython':
        return sys.executable
    for name in ('python3.11', 'python3'):
        exe = shutil.which(name)
        if not exe:
            continue
        try:
            rc, out, _ = run([exe, '-c', 'import sys; print(sys.implementation.name,'
                              ' sys.version_info[:2] == (3, 11))'], timeout=30)
        except OSError:
            continue
        if rc == 0 and out.split() == [b'cpython', b'True']:
            return exe
    return None


# ---- CPython as the oracle --------------------------------------------------------

def cpython_verdicts(paths):
    """Classify source files by what CPython 3.11 does with them:
       'ok'       compile() accepts the file;
       'reject'   the parser or tokenizer rejects it (a SyntaxError that
                  ast.parse raises too): a parser must reject it as well;
       'late'     only compile() rejects it (e.g. a misplaced __future__
                  import): a later pass's error, --parse-only may accept;
       'encoding' CPython accepts it only through a non-UTF-8 coding
                  declaration, which Aithon need not support.
    Returns {path: (verdict, lineno or None)}. Must run on CPython 3.11."""
    import ast
    result = {}
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for p in paths:
            with open(p, 'rb') as f:
                src = f.read()
            try:
                compile(src, p, 'exec', dont_inherit=True)
            except (SyntaxError, ValueError) as e:
                line = getattr(e, 'lineno', None)
                try:
                    ast.parse(src, p)
                except (SyntaxError, ValueError):
                    result[p] = ('reject', line)
                else:
                    result[p] = ('late', line)
                continue
            try:
                src.decode('utf-8')
                result[p] = ('ok', None)
            except UnicodeDecodeError:
                result[p] = ('encoding', None)
    return result


class Oracle:
    """cpython_verdicts() in this process when it is CPython 3.11, else in a
    python3.11 subprocess; unavailable (tests skip) without a CPython 3.11."""

    def __init__(self):
        self.python = find_python311()
        self.inprocess = self.python == sys.executable
        self.lock = threading.Lock()   # warnings filters are process-global

    def verdicts(self, paths):
        if self.python is None:
            return None
        if self.inprocess:
            with self.lock:
                return cpython_verdicts(paths)
        proc = subprocess.run([self.python, os.path.abspath(__file__), '--oracle'],
                              input=json.dumps(paths).encode(), stdout=subprocess.PIPE,
                              timeout=600, check=True)
        return {k: tuple(v) for k, v in json.loads(proc.stdout).items()}


# ---- language tests ---------------------------------------------------------------

def test_lang(ctx, path, gc_stress=False):
    """gc_stress: run with AITHON_GC_STRESS=1 (a collection at every
    allocation, with the collector's verifier and write-barrier check)."""
    d, base = os.path.split(path)
    name = base[:-3]
    out_file = os.path.join(d, name + '.out')
    err_file = os.path.join(d, name + '.err')
    if not os.path.exists(out_file):
        return failed('  missing %s (run `make golden`)' % os.path.relpath(out_file, ROOT))
    # A multi-file test's program is its directory's main.py: one
    # temporary directory per test directory keeps their executables apart.
    exe = os.path.join(ctx.tmp, os.path.relpath(d, ROOT).replace(os.sep, '-') + ('-gcstress' if gc_stress else ''), name)
    os.makedirs(os.path.dirname(exe), exist_ok=True)

    rc, out, err = run([ctx.aithonc, base, '-o', exe], cwd=d, timeout=COMPILE_TIMEOUT,
                       env=ctx.compile_env)
    if rc != 0:
        return failed('  compile failed (%s):' % describe_status(rc, COMPILE_TIMEOUT),
                      *tail(err + out))

    env = dict(ctx.env, AITHON_GC_STRESS='1') if gc_stress else ctx.env
    timeout = ctx.timeout * 3 if gc_stress else ctx.timeout
    rc, out, err = run([exe], cwd=d, timeout=timeout, env=env, mem_limit=ctx.mem_limit)
    if rc is None or rc < 0:
        return failed('  %s' % describe_status(rc, timeout), *tail(err))
    with open(out_file, 'rb') as f:
        exp_out = f.read()
    exp_rc, exp_err = 0, b''
    if os.path.exists(err_file):
        with open(err_file, 'rb') as f:
            first, _, exp_err = f.read().partition(b'\n')
        m = re.match(rb'exit:\s*(-?\d+)\s*$', first)
        if not m:
            return failed('  %s: first line must be `exit: N`' % os.path.relpath(err_file, ROOT))
        exp_rc = int(m.group(1))

    problems = []
    if rc != exp_rc:
        problems.append('  exit status %d, expected %d' % (rc, exp_rc))
    if out != exp_out:
        problems += short_diff(exp_out, out, 'stdout')
    e1, e2 = normalise_err(exp_err, d), normalise_err(err, d)
    if e1 != e2:
        problems += short_diff(e1, e2, 'stderr')
    return failed(*problems) if problems else passed()


# Modules of Aithon's runtime that CPython lacks: a test that imports one
# gets tests/support/ (where the reference implementation lives) on
# CPython's path for its golden run.
SUPPORT_DIR = os.path.join(ROOT, 'tests', 'support')
SUPPORT_IMPORT_RE = re.compile(rb'^\s*(?:import|from)\s+aithon\b', re.M)


def golden_command(path):
    """(cmd, env) for CPython's run of a test: `python3 -E -s -B -X utf8
    NAME.py`, or, for a test that imports a module of tests/support/, the
    same without -E, with PYTHONPATH=tests/support and every other PYTHON*
    variable removed from the environment (what -E would have ignored)."""
    base = os.path.basename(path)
    with open(path, 'rb') as f:
        needs_support = SUPPORT_IMPORT_RE.search(f.read()) is not None
    if not needs_support:
        return [sys.executable, '-E', '-s', '-B', '-X', 'utf8', base], None
    env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    env['PYTHONPATH'] = SUPPORT_DIR
    return [sys.executable, '-s', '-B', '-X', 'utf8', base], env


def golden(ctx, path):
    """Write NAME.out (and NAME.err when CPython exits non-zero or writes to
    stderr) from CPython 3.11's run of NAME.py in its own directory."""
    d, base = os.path.split(path)
    name = base[:-3]
    cmd, env = golden_command(path)
    rc, out, err = run(cmd, cwd=d, timeout=120, env=env)
    if rc is None:
        return failed('  CPython timed out')
    with open(os.path.join(d, name + '.out'), 'wb') as f:
        f.write(out)
    err_file = os.path.join(d, name + '.err')
    if rc != 0 or err:
        err = err.replace(os.fsencode(d + os.sep), b'')
        with open(err_file, 'wb') as f:
            f.write(b'exit: %d\n' % rc + err)
        return passed(info='%s: exit %d, %d bytes of stderr' % (
            os.path.relpath(path, ROOT), rc, len(err)))
    if os.path.exists(err_file):
        os.remove(err_file)
    return passed()


# ---- error tests ----------------------------------------------------------------------

def read_expectations(path):
    """The `# expect-error: LINE:COL: ECODE: message` lines of the file's
    leading comment block, in order, as (line, col, code, message)."""
    exps = []
    with open(path, 'rb') as f:
        for raw in f:
            line = raw.decode('utf-8', errors='replace').strip()
            if not line.startswith('#'):
                break
            m = EXPECT_RE.match(line)
            if m:
                exps.append((int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)))
    return exps


def test_diagnostics(ctx, path, parse_only):
    d, base = os.path.split(path)
    exps = read_expectations(path)
    if not exps:
        return failed('  no `# expect-error: LINE:COL: ECODE: message` line at the top')

    problems = []
    if parse_only:
        v = ctx.oracle.verdicts([path])
        if v is None:
            return skipped('no CPython 3.11 to cross-check the expected line')
        verdict, line = v[path]
        if verdict in ('ok', 'encoding'):
            problems.append('  CPython 3.11 accepts this file: not a syntax error')
        elif line != exps[0][0]:
            problems.append('  CPython 3.11 reports the error at line %s, the test expects %d'
                            % (line, exps[0][0]))
        cmd = [ctx.aithonc, '--parse-only', base]
    else:
        exe = os.path.join(ctx.tmp, 'errors', base[:-3])
        os.makedirs(os.path.dirname(exe), exist_ok=True)
        cmd = [ctx.aithonc, base, '-o', exe]

    rc, out, err = run(cmd, cwd=d, timeout=COMPILE_TIMEOUT, env=ctx.compile_env)
    if rc != 1:
        problems.append('  aithonc: %s, expected exit status 1' % describe_status(rc, COMPILE_TIMEOUT))
    got = [l for l in text(err).splitlines() if ERROR_LINE_RE.match(l)]
    want = ['%s:%d:%d: error[%s]: %s' % (base, l, c, code, msg) for l, c, code, msg in exps]
    missing = [w for w in want if w not in got]
    extra = [g for g in got if g not in want]
    for w in missing:
        problems.append('  missing: ' + w)
    for g in extra:
        problems.append('  unexpected: ' + g)
    if (missing or rc != 1) and not got:
        problems += tail(err + out, 6)
    return failed(*problems) if problems else passed()


# ---- runtime unit tests -------------------------------------------------------------

def test_runtime_c(ctx, path):
    lib = os.path.join(ctx.build, 'lib', 'aithon', 'libaithonrt.a')
    if not os.path.exists(lib):
        return failed('  no runtime archive %s (run make)' % lib)
    exe = os.path.join(ctx.tmp, 'runtime', os.path.basename(path)[:-2])
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    cmd = ([ctx.cc] + C_TEST_FLAGS + ctx.san_flags +
           ['-I' + os.path.join(ROOT, 'runtime', 'include'), '-I' + os.path.join(ROOT, 'runtime'),
            path, lib, '-o', exe] + C_TEST_LIBS)
    rc, out, err = run(cmd, cwd=ROOT, timeout=COMPILE_TIMEOUT)
    if rc != 0:
        return failed('  cc failed (%s):' % describe_status(rc, COMPILE_TIMEOUT), *tail(err + out))
    timeout = ctx.timeout * (4 if ctx.san_flags else 2)
    rc, out, err = run([exe], cwd=os.path.dirname(path), timeout=timeout, env=ctx.env)
    if rc != 0:
        # Sanitizer reports put the essential lines first, assertions last.
        return failed('  %s' % describe_status(rc, timeout), *tail(out + err, 12, head=12))
    return passed()


def test_cli(ctx, path):
    tmp = os.path.join(ctx.tmp, 'cli', os.path.basename(path)[:-3])
    os.makedirs(tmp, exist_ok=True)
    rc, out, err = run([sys.executable, path, ctx.aithonc, tmp], cwd=os.path.dirname(path),
                       timeout=ctx.timeout * 10, env=ctx.compile_env)
    if rc != 0:
        return failed('  %s' % describe_status(rc, ctx.timeout * 10), *tail(out + err, 20))
    return passed()


def has_marker(path, marker):
    with open(path, 'rb') as f:
        head = [next(f, b'') for _ in range(20)]
    return any(('// ' + marker).encode() in l for l in head)


# ---- the stdlib parse test ----------------------------------------------------------

def stdlib_files(python):
    if python == sys.executable:
        libdir = sysconfig.get_paths()['stdlib']
    else:
        rc, out, _ = run([python, '-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'],
                         timeout=30)
        libdir = text(out).strip()
    files = []
    for d, dirs, names in os.walk(libdir):
        dirs[:] = sorted(x for x in dirs if x not in ('site-packages', 'dist-packages',
                                                      '__pycache__'))
        files += [os.path.join(d, n) for n in sorted(names) if n.endswith('.py')]
    return libdir, files


def rejected_files(stderr, known):
    """Files named by the error lines of an aithonc run over many files."""
    bad = {}
    for line in text(stderr).splitlines():
        m = re.match(r'^(.*\.py):(?:\d+:){0,2} error\[E\d+\]', line)
        if m and m.group(1) in known and m.group(1) not in bad:
            bad[m.group(1)] = line
    return bad


def test_stdlib(ctx):
    if ctx.oracle.python is None:
        return skipped('no CPython 3.11 whose standard library to parse')
    t0 = time.time()
    libdir, files = stdlib_files(ctx.oracle.python)
    if not files:
        return failed('  no .py files found under %s' % libdir)
    verdicts = ctx.oracle.verdicts(files)
    good = [f for f in files if verdicts[f][0] == 'ok']
    single = [f for f in files if verdicts[f][0] != 'ok']
    t1 = time.time()

    def parse(batch):
        return run([ctx.aithonc, '--parse-only'] + batch, cwd=libdir,
                   timeout=COMPILE_TIMEOUT * 3, env=ctx.compile_env)

    problems = []
    lock = threading.Lock()

    def check_good(batch):
        rc, out, err = parse(batch)
        bad = rejected_files(err, set(batch))
        if rc == 0 and not bad:
            return
        if rc not in (0, 1) or not bad:
            # Crash, timeout or an error without a file name: find the culprits one by one.
            if len(batch) > 1:
                for f in batch:
                    check_good([f])
                return
            with lock:
                problems.append('  %s: %s' % (os.path.relpath(batch[0], libdir),
                                              describe_status(rc, COMPILE_TIMEOUT * 3)))
                problems.extend(tail(err, 4))
            return
        with lock:
            for f, line in bad.items():
                problems.append('  accepted by CPython, rejected: ' + line)

    def check_single(f):
        verdict = verdicts[f][0]
        rc, out, err = parse([f])
        rel = os.path.relpath(f, libdir)
        with lock:
            if rc not in (0, 1):
                problems.append('  %s: %s' % (rel, describe_status(rc, COMPILE_TIMEOUT * 3)))
                problems.extend(tail(err, 4))
            elif verdict == 'reject' and rc != 1:
                problems.append('  rejected by CPython, accepted: %s (CPython: line %s)'
                                % (rel, verdicts[f][1]))

    batches = [good[i::STDLIB_BATCHES] for i in range(STDLIB_BATCHES)]
    with cf.ThreadPoolExecutor(max_workers=min(ctx.jobs, STDLIB_BATCHES)) as pool:
        list(pool.map(check_good, [b for b in batches if b]))
        list(pool.map(check_single, single))
    t2 = time.time()

    counts = {}
    for v, _ in verdicts.values():
        counts[v] = counts.get(v, 0) + 1
    info = ('stdlib-parse: %d files of %s (%d rejected by CPython, %d either way) in %.1f s'
            ' (CPython check %.1f s)' % (len(files), libdir, counts.get('reject', 0),
                                         counts.get('late', 0) + counts.get('encoding', 0),
                                         t2 - t0, t1 - t0))
    if problems:
        if len(problems) > 30:
            problems = problems[:30] + ['  ... and %d more lines' % (len(problems) - 30)]
        return failed(*(problems + ['  ' + info]))
    return passed(info=info)


# ---- discovery and the main loop ------------------------------------------------------

KINDS = ('lang', 'gcstress', 'syntax', 'errors', 'cli', 'runtime', 'stdlib')


def listdir(rel, suffix, prefix=''):
    d = os.path.join(ROOT, rel)
    if not os.path.isdir(d):
        return []
    return [os.path.join(d, n) for n in sorted(os.listdir(d))
            if n.endswith(suffix) and n.startswith(prefix) and not n.startswith('_')]


def multifile(rel):
    """The multi-file language tests under `rel`: each subdirectory holding
    a main.py is one program (main.py and the modules beside it), with its
    expected output in main.out / main.err."""
    d = os.path.join(ROOT, rel)
    if not os.path.isdir(d):
        return []
    return [os.path.join(d, n, 'main.py') for n in sorted(os.listdir(d))
            if not n.startswith(('_', '.')) and os.path.isfile(os.path.join(d, n, 'main.py'))]


def discover(args):
    tests = []
    kinds = set(args.kind.split(',')) if args.kind else set(KINDS)
    rel = lambda p: os.path.relpath(p, ROOT)
    if 'stdlib' in kinds:
        tests.append(Test('stdlib-parse', 'stdlib', test_stdlib))   # longest: start it first
    if 'lang' in kinds:
        for p in listdir('tests/lang', '.py') + multifile('tests/lang') + listdir('examples', '.py'):
            tests.append(Test(rel(p), 'lang', test_lang, p))
    if 'gcstress' in kinds:   # the language tests again, collecting at every allocation
        for p in listdir('tests/lang', '.py') + multifile('tests/lang'):
            tests.append(Test('gc-stress: ' + rel(p), 'gcstress', test_lang, p, True))
    if 'syntax' in kinds:
        for p in listdir('tests/syntax', '.py'):
            tests.append(Test(rel(p), 'syntax', test_diagnostics, p, True))
    if 'errors' in kinds:
        for p in listdir('tests/errors', '.py'):
            tests.append(Test(rel(p), 'errors', test_diagnostics, p, False))
    if 'cli' in kinds:
        for p in listdir('tests/cli', '.py', 'test_'):
            tests.append(Test(rel(p), 'cli', test_cli, p))
    if 'runtime' in kinds:
        for p in listdir('tests/runtime', '.c', 'test_'):
            if args.marker and not has_marker(p, args.marker):
                continue
            tests.append(Test(rel(p), 'runtime', test_runtime_c, p))
    if args.k:
        tests = [t for t in tests if any(k in t.name for k in args.k)]
    return tests


class Context:
    pass


def make_context(args):
    ctx = Context()
    ctx.build = os.path.abspath(os.path.join(ROOT, args.build))
    ctx.aithonc = os.path.join(ctx.build, 'bin', 'aithonc')
    ctx.timeout = args.timeout
    ctx.jobs = args.jobs
    ctx.cc = os.environ.get('CC') or 'cc'
    ctx.oracle = Oracle()
    ctx.env = dict(os.environ)
    ctx.san_flags = []
    sans = [s for s in (args.sanitize or '').split(',') if s]
    # Language test programs run under an 8 GiB address-space limit, so a
    # runaway one (a recursion that allocates, a regression of a memory
    # check) fails instead of hurting the machine. ASan and TSan reserve
    # terabytes of shadow address space: no limit there.
    ctx.mem_limit = None if ({'address', 'thread'} & set(sans)) else 8 << 30
    # cli tests that put programs under `ulimit -v` ask for this (_cli.py).
    ctx.env['AITHON_TEST_SANITIZE'] = ','.join(sans)
    for s in sans:
        if s not in SANITIZER_FLAGS:
            sys.exit('run_tests.py: unknown sanitizer %r (know: %s)'
                     % (s, ', '.join(SANITIZER_FLAGS)))
        ctx.san_flags += SANITIZER_FLAGS[s]
    if sans:
        # aithonc appends AITHON_LDFLAGS to its link command, so the test
        # programs link the sanitizer runtime the runtime archive needs.
        link = '-fsanitize=' + ','.join(sans)
        ctx.env['AITHON_LDFLAGS'] = (ctx.env.get('AITHON_LDFLAGS', '') + ' ' + link).strip()
        for k, v in SANITIZER_ENV.items():
            ctx.env.setdefault(k, v)
    # The environment of aithonc runs (the same for now: leak detection is
    # off everywhere unless ASAN_OPTIONS asks for it, since memory still
    # held at exit is not a bug in a compiler or a runtime).
    ctx.compile_env = dict(ctx.env)
    # The stdlib modules' object cache lives in the build directory, so a
    # test run neither depends on nor fills the user's ~/.cache.
    ctx.compile_env.setdefault('AITHON_CACHE_DIR', os.path.join(ctx.build, 'stdlib-cache'))
    return ctx


def main():
    ap = argparse.ArgumentParser(description="Run Aithon's tests (see docs/testing.md).")
    ap.add_argument('--build', default='build', help='build directory (default: build)')
    ap.add_argument('-k', action='append', metavar='SUBSTR',
                    help='only tests whose name contains SUBSTR (repeatable)')
    ap.add_argument('-v', '--verbose', action='store_true', help='print every test')
    ap.add_argument('--keep', action='store_true', help='keep compiled test programs')
    ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--timeout', type=int, default=RUN_TIMEOUT,
                    help='seconds per test program (default %d)' % RUN_TIMEOUT)
    ap.add_argument('--kind', help='comma-separated subset of: ' + ','.join(KINDS))
    ap.add_argument('--marker', help='runtime tests only with `// MARKER` in their first 20 lines')
    ap.add_argument('--sanitize', help='the build uses these sanitizers (address,undefined,thread)')
    ap.add_argument('--golden', action='store_true',
                    help='regenerate tests/lang and examples expected output with CPython 3.11')
    ap.add_argument('--oracle', action='store_true', help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.oracle:   # internal: cpython_verdicts() for a runner on another Python
        paths = json.load(sys.stdin)
        json.dump(cpython_verdicts(paths), sys.stdout)
        return 0

    if args.golden:
        if sys.version_info[:2] != (3, 11) or sys.implementation.name != 'cpython':
            print('run_tests.py --golden: needs CPython 3.11, this is %s %s'
                  % (sys.implementation.name, sys.version.split()[0]))
            return 2
        args.kind = 'lang'
    tests = discover(args)
    if args.golden:
        tests = [Test(t.name, t.kind, golden, *t.args) for t in tests]

    ctx = make_context(args)
    ctx.tmp = tempfile.mkdtemp(prefix='aithon-tests-')
    counts = {'pass': 0, 'fail': 0, 'skip': 0}
    dots = sys.stdout.isatty() and not args.verbose
    column = [0]

    def report(t, r, secs):
        counts[r.status] += 1
        if dots and r.status == 'pass' and not r.info:
            sys.stdout.write('.')
            column[0] += 1
            if column[0] % 80 == 0:
                sys.stdout.write('\n')
            sys.stdout.flush()
            return
        if column[0] % 80:
            sys.stdout.write('\n')
            column[0] = 0
        if r.status == 'fail':
            print('FAIL %s' % t.name)
            for line in r.detail:
                print(line)
        elif r.status == 'skip':
            print('SKIP %s: %s' % (t.name, '; '.join(r.detail)))
        elif args.verbose:
            print('PASS %s (%.2f s)' % (t.name, secs))
        if r.info and (args.verbose or r.status == 'pass'):
            print(r.info)
        sys.stdout.flush()

    def timed(t):
        t0 = time.time()
        try:
            r = t.run(ctx)
        except FileNotFoundError as e:
            r = failed('  cannot run %s' % (e.filename or e))
        except Exception as e:   # a bug in the runner must not hide the other results
            r = failed('  runner error: %s: %s' % (type(e).__name__, e))
        return t, r, time.time() - t0

    pool = cf.ThreadPoolExecutor(max_workers=max(1, args.jobs))
    futures = [pool.submit(timed, t) for t in tests]
    interrupted = False
    try:
        for fut in cf.as_completed(futures):
            report(*fut.result())
    except KeyboardInterrupt:
        interrupted = True
        for fut in futures:
            fut.cancel()
        with LIVE_LOCK:
            STOPPING.set()
            for proc in LIVE:
                kill_group(proc)
    finally:
        pool.shutdown(wait=True)
        if column[0] % 80:
            sys.stdout.write('\n')
        if args.keep:
            print('kept compiled programs in %s' % ctx.tmp)
        else:
            shutil.rmtree(ctx.tmp, ignore_errors=True)
    if interrupted:
        print('interrupted')
        return 130

    summary = '%d passed, %d failed' % (counts['pass'], counts['fail'])
    if counts['skip']:
        summary += ', %d skipped' % counts['skip']
    print(summary)
    return 1 if counts['fail'] else 0


if __name__ == '__main__':
    sys.exit(main())
