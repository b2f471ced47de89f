#!/usr/bin/env python3
"""run.py — asyncio programs under Aithon, CPython, PyPy, Go and Erlang.

Each bench/asyncio/NAME.py is a plain asyncio program that prints a
checksum line; go/NAME.go and erl/NAME.erl do the same work the idiomatic
Go way (goroutines, channels, WaitGroup) and the Erlang way (processes,
messages) and print the same line. This script builds the Go and Erlang
peers (when `go` and `erlc` are installed), compiles each Python program
with `BUILD/bin/aithonc -O2`, runs CPython 3.11 (the reference), PyPy
(when installed), the Aithon binary (AITHON_THREADS unset: all cores),
Go and Erlang, checks that every output equals CPython's, and prints one
table: wall time and peak RSS (through GNU time when /usr/bin/time
exists), best of N runs, with the ratios
CPython/Aithon, Go/Aithon and Erlang/Aithon (both metrics are "lower is
better", so a ratio above 1 means Aithon wins). parallel_cpu also runs
with one worker (AITHON_THREADS=1, GOMAXPROCS=1, erl +S 1:1) to report
each system's speedup on all cores.

    python3 bench/asyncio/run.py [--build DIR] [--runs N] [--quick]
                                 [-k SUBSTR] [--no-pypy] [--require-aithon]

--quick passes each program a smaller size as its first argument.

No assertion on speed. The exit status is 1 only when a build, a run or a
checksum fails. One exception, while aithonc cannot compile `async def`:
a program that aithonc refuses is reported as "n/a (compile failed: <its
first error line>)" and does not fail the run (--require-aithon makes it
fail). PyPy is informative: a PyPy run that fails (PyPy 3.9 has no
asyncio.TaskGroup) is reported, not counted; a wrong PyPy checksum is.
Standard library only.
"""

import argparse
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# name -> size argument for --quick (None: the program takes none)
BENCHES = [
    ('startup', None),
    ('skynet', '100000'),
    ('fork_join', '2000'),
    ('parallel_cpu', '300000'),
    ('ping_pong', '100000'),
    ('ring', '100000'),
    ('spawn_many', '50000'),
]
ONE_WORKER = {'parallel_cpu'}           # also run with a single worker
SYSTEMS = ['CPython', 'PyPy', 'Aithon', 'Go', 'Erlang']
TIMEOUT = 900


class Failed(Exception):
    pass


def sh(cmd, env=None, cwd=None):
    """Run a build step; return its stdout; raise Failed with its output."""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                       timeout=TIMEOUT, text=True)
    if p.returncode != 0:
        raise Failed('%s: exit status %d\n%s' % (' '.join(cmd), p.returncode, p.stdout[-2000:]))
    return p.stdout


def find_cpython311():
    """The real CPython 3.11 executable (not a pyenv shim, whose start-up
    is slow and would be timed)."""
    cands = [sys.executable] if sys.implementation.name == 'cpython' else []
    cands += [shutil.which(n) for n in ('python3.11', 'python3')]
    for exe in cands:
        if not exe:
            continue
        p = subprocess.run([exe, '-c', 'import sys; print(sys.executable); '
                            'sys.exit(sys.version_info[:2] != (3, 11) or '
                            'sys.implementation.name != "cpython")'],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        if p.returncode == 0 and p.stdout.strip():
            return p.stdout.strip()
    return None


def real_exe(exe):
    """A Python's own executable path (resolves shims)."""
    p = subprocess.run([exe, '-c', 'import sys; print(sys.executable)'],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return p.stdout.strip() if p.returncode == 0 and p.stdout.strip() else exe


def version(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           timeout=60)
        lines = p.stdout.strip().splitlines()
        return ' '.join(lines[0].split()) if lines else '?'
    except (OSError, subprocess.TimeoutExpired):
        return '?'


# GNU time, when installed, measures the peak RSS: a child forked from this
# script starts with the script's own RSS as its high-water mark (Linux
# carries ru_maxrss across exec), which would floor every measurement at
# about 15 MiB; GNU time is small, so its children start near zero.
GNU_TIME = '/usr/bin/time' if os.access('/usr/bin/time', os.X_OK) else None


def run_once(cmd, env, cwd):
    """Run cmd once: (wall seconds, peak RSS in KiB, stdout bytes).

    Wall-clock time, because the point is parallelism; the peak RSS is
    the child's own (GNU time, else wait4), so the runs do not mix."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode='r') as rssf:
        full = [GNU_TIME, '-f', '%M', '-o', rssf.name, '--'] + cmd if GNU_TIME else cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=err, start_new_session=True)
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)     # the group this run started
            except OSError:
                pass
        timer = threading.Timer(TIMEOUT, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
        rss = usage.ru_maxrss
        if GNU_TIME:
            lines = rssf.read().split()
            rss = int(lines[-1]) if lines and lines[-1].isdigit() else rss
    if timed_out:
        raise Failed('timed out after %d s' % TIMEOUT)
    if proc.returncode != 0:
        lines = stderr.decode(errors='replace').strip().splitlines()
        raise Failed('exit status %d%s' % (proc.returncode, ': ' + lines[-1] if lines else ''))
    return wall, rss, stdout


def best_of(cmds, runs, cwd):
    """{system: (best wall s, smallest peak RSS KiB, stdout) or Failed} for
    cmds = {system: (argv, env)}.

    The systems take turns, run by run, so that a burst of load from
    other processes on the machine hurts them alike; the best of the
    runs is kept."""
    res = {s: None for s in cmds}
    for _ in range(runs):
        for system, (cmd, env) in cmds.items():
            if isinstance(res[system], Failed):
                continue
            try:
                t, rss, o = run_once(cmd, env, cwd)
                if res[system] is not None:
                    bt, brss, out = res[system]
                    if o != out:
                        raise Failed('output differs between runs')
                    t, rss = min(t, bt), min(rss, brss)
                res[system] = (t, rss, o)
            except (Failed, OSError) as e:
                res[system] = e if isinstance(e, Failed) else Failed(str(e))
    return res


def build_go(work, names):
    go = shutil.which('go')
    if not go:
        return None, None
    env = dict(os.environ)
    env.setdefault('GOCACHE', os.path.join(work, 'gocache'))
    env.setdefault('GOPATH', os.path.join(work, 'gopath'))
    env['GO111MODULE'] = 'off'          # lone files: nothing to fetch
    exes = {}
    for n in names:
        exe = os.path.join(work, 'go', n)
        sh([go, 'build', '-o', exe, os.path.join(HERE, 'go', n + '.go')], env=env)
        exes[n] = exe
    return exes, version([go, 'version'])


def build_erlang(work, names):
    erlc, erl = shutil.which('erlc'), shutil.which('erl')
    if not erlc or not erl:
        return None, None
    out = os.path.join(work, 'erl')
    os.makedirs(out, exist_ok=True)
    sh([erlc, '-o', out] + [os.path.join(HERE, 'erl', n + '.erl') for n in names])
    v = version([erl, '-noshell', '-eval',
                 'io:format("Erlang/OTP ~s, erts ~s", [erlang:system_info(otp_release), '
                 'erlang:system_info(version)]), halt().'])
    return (erl, out), v


def compile_aithon(aithonc, work, name):
    """(executable, None) or (None, first error line)."""
    exe = os.path.join(work, 'aithon', name)
    p = subprocess.run([aithonc, name + '.py', '-O2', '-o', exe], cwd=HERE,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       timeout=TIMEOUT)
    if p.returncode != 0:
        lines = [l for l in p.stdout.splitlines() if l.strip()]
        return None, lines[0] if lines else 'exit status %d' % p.returncode
    return exe, None


def fmt_t(v):
    return '%.3f' % v if v < 10 else '%.2f' % v


def fmt_m(kib):
    return '%.1f' % (kib / 1024)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--build', default='build', help='build directory (default: build)')
    ap.add_argument('--work', help='where the peers and binaries are built (default: BUILD/asyncbench)')
    ap.add_argument('--runs', type=int, default=3, help='runs per system (best is kept; default 3)')
    ap.add_argument('--quick', action='store_true', help='smaller sizes (for a smoke test)')
    ap.add_argument('-k', action='append', metavar='SUBSTR', help='only matching benchmarks')
    ap.add_argument('--no-pypy', action='store_true', help='do not run PyPy even if installed')
    ap.add_argument('--require-aithon', action='store_true',
                    help='a program aithonc cannot compile fails the run')
    args = ap.parse_args()

    build = os.path.abspath(os.path.join(ROOT, args.build))
    work = os.path.abspath(args.work or os.path.join(build, 'asyncbench'))
    for d in ('go', 'aithon'):
        os.makedirs(os.path.join(work, d), exist_ok=True)
    names = [n for n, _ in BENCHES if not args.k or any(k in n for k in args.k)]
    quick = dict(BENCHES)
    status = 0
    notes = []                          # printed under the table

    cpython = find_cpython311()
    if not cpython:
        print('run.py: no CPython 3.11 found (python3.11 or python3)', file=sys.stderr)
        return 1
    pypy = None if args.no_pypy else shutil.which('pypy3')
    pypy = real_exe(pypy) if pypy else None
    aithonc = os.path.join(build, 'bin', 'aithonc')
    if not os.access(aithonc, os.X_OK):
        notes.append('Aithon: no compiler at %s (run make)' % aithonc)
        aithonc = None
        status = 1

    versions = {'CPython': version([cpython, '-VV']),
                'PyPy': version([pypy, '-VV']) if pypy else None,
                'Aithon': version([aithonc, '--version']) if aithonc else None}
    go_exes = erl = None
    for label, builder in (('Go', build_go), ('Erlang', build_erlang)):
        try:
            r, v = builder(work, names)
        except (Failed, OSError, subprocess.TimeoutExpired) as e:
            print('%s build failed: %s' % (label, e), file=sys.stderr)
            notes.append('%s: build failed' % label)
            status = 1
            r, v = None, None
        versions[label] = v
        if label == 'Go':
            go_exes = r
        else:
            erl = r
        if r is None and v is None and not any(n.startswith(label) for n in notes):
            notes.append('%s: not installed, skipped' % label)

    base_env = dict(os.environ)
    for var in ('AITHON_THREADS', 'GOMAXPROCS'):    # all cores by default
        base_env.pop(var, None)
    base_env['ERL_CRASH_DUMP_SECONDS'] = '0'        # no erl_crash.dump files

    def commands(name, one_worker):
        """{system: (argv, env)} for the systems available for `name`."""
        size = [quick[name]] if args.quick and quick[name] else []
        env1 = dict(base_env)
        if one_worker:
            env1['AITHON_THREADS'] = '1'
            env1['GOMAXPROCS'] = '1'
        cmds = {}
        if not one_worker:
            cmds['CPython'] = ([cpython, '-B', name + '.py'] + size, base_env)
            if pypy:
                cmds['PyPy'] = ([pypy, name + '.py'] + size, base_env)
        if aithon_exe.get(name):
            cmds['Aithon'] = ([aithon_exe[name]] + size, env1)
        if go_exes:
            cmds['Go'] = ([go_exes[name]] + size, env1)
        if erl:
            flags = ['+P', '5000000'] if name == 'skynet' else []
            if one_worker:
                flags += ['+S', '1:1']
            cmds['Erlang'] = ([erl[0], '-noshell'] + flags + ['-pa', erl[1], '-run', name, 'main']
                              + size, env1)
        return cmds

    aithon_exe = {}
    aithon_na = {}
    for name in names:
        if not aithonc:
            aithon_na[name] = 'n/a (no compiler)'
            continue
        try:
            exe, err = compile_aithon(aithonc, work, name)
        except (OSError, subprocess.TimeoutExpired) as e:
            exe, err = None, str(e)
        if exe:
            aithon_exe[name] = exe
        else:
            aithon_na[name] = 'n/a (compile failed: %s)' % err
            notes.append('%s: Aithon %s' % (name, aithon_na[name]))
            if args.require_aithon:
                status = 1

    # rows: (benchmark, metric, {system: value}, formatter)
    rows = []
    for name in names:
        ref = None
        times, rsss = {}, {}
        for variant in ([False, True] if name in ONE_WORKER else [False]):
            vt = {}
            cmds = commands(name, variant)
            print('%s%s: %s, %d run%s each' % (name, ' (1 worker)' if variant else '',
                                               ', '.join(cmds), args.runs,
                                               's' if args.runs != 1 else ''),
                  file=sys.stderr, flush=True)
            results = best_of(cmds, args.runs, HERE)
            for system, r in results.items():
                if isinstance(r, Failed):
                    notes.append('%s: %s%s failed: %s' % (name, system,
                                                          ' (1 worker)' if variant else '', r))
                    if system != 'PyPy':
                        status = 1
                    continue
                t, rss, out = r
                if system == 'CPython':
                    ref = out
                elif ref is not None and out != ref:
                    got = out.decode(errors='replace').strip()[:120]
                    want = ref.decode(errors='replace').strip()[:120]
                    notes.append('%s: %s%s checksum differs: %r, CPython: %r'
                                 % (name, system, ' (1 worker)' if variant else '', got, want))
                    status = 1
                    continue
                vt[system] = t
                if not variant:
                    rsss[system] = rss
            if variant:
                rows.append((name, 'wall s, 1 worker', vt, fmt_t))
                speed = {s: times[s] and vt[s] / times[s] for s in vt if s in times}
                rows.append((name, 'speedup, %d workers' % (os.cpu_count() or 0), speed,
                             lambda v: '%.2fx' % v))
            else:
                times = vt
                rows.append((name, 'wall s', vt, fmt_t))
                rows.append((name, 'peak RSS MiB', rsss, fmt_m))
            sys.stdout.flush()
        if ref is None and not any(n.startswith(name + ': CPython') for n in notes):
            notes.append('%s: no CPython reference' % name)

    # the table
    print('asyncio benchmarks — %s, %d CPUs, best of %d run%s%s'
          % (platform.machine(), os.cpu_count() or 0, args.runs, 's' if args.runs != 1 else '',
             ' (quick sizes)' if args.quick else ''))
    for s in SYSTEMS:
        if versions.get(s):
            print('  %-7s %s' % (s, versions[s]))
    present = [s for s in SYSTEMS if versions.get(s) or s == 'Aithon']
    others = [s for s in ('CPython', 'Go', 'Erlang') if s in present]
    head = ['benchmark', 'metric'] + present + ['%s/Aithon' % o for o in others]
    table = [head]
    for name, metric, vals, f in rows:
        r = [name, metric]
        for s in present:
            if s in vals and vals[s] is not None:
                r.append(f(vals[s]))
            elif s == 'Aithon' and name in aithon_na:
                r.append('n/a')
            else:
                r.append('' if s in ('CPython', 'PyPy') and metric != 'wall s'
                         and metric != 'peak RSS MiB' else '—')
        a = vals.get('Aithon')
        for o in others:
            v = vals.get(o)
            if metric.startswith('speedup') or not (a and v):
                r.append('—' if not metric.startswith('speedup') else '')
            else:
                r.append('%.2fx' % (v / a))
        table.append(r)
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for i, r in enumerate(table):
        print('  '.join(('%-*s' if j < 2 else '%*s') % (w, c) for j, (w, c) in enumerate(zip(widths, r))))
        if i == 0:
            print('-' * (sum(widths) + 2 * (len(widths) - 1)))
    print('(wall-clock seconds and peak RSS of the whole process, start-up included; '
          'X/Aithon = X\'s value / Aithon\'s: above 1 = Aithon is faster or smaller; '
          'speedup = 1-worker time / all-workers time)')
    for n in notes:
        print(n)
    return status


if __name__ == '__main__':
    sys.exit(main())
