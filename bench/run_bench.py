#!/usr/bin/env python3
"""run_bench.py — time each bench/*.py under Aithon, CPython 3.11 and PyPy.

Every benchmark is a plain Python program that prints a checksum; it takes
an optional size as its first argument. This script compiles each one with
`aithonc -O2` (timing the compile and noting the binary's size), then runs
the Aithon binary, CPython 3.11 and (when installed) pypy3 on the same
file, taking turns run by run (Aithon, CPython, PyPy, Aithon, …) so that a
burst of load from elsewhere on the shared machine hurts them alike. Each
cell is the median of --runs runs, in CPU seconds (user + system of the
child: steadier than wall time on a loaded machine; the programs neither
sleep nor wait). It checks that Aithon and PyPy print exactly what CPython
prints, and prints one row per benchmark with the ratios CPython/Aithon
and PyPy/Aithon (above 1: Aithon is faster), then their geometric means.

There are no speed assertions: the exit status is 1 only when an output
differs or a step fails. Standard library only.
"""

import argparse
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TIMEOUT = 600


def find_cpython311():
    if sys.version_info[:2] == (3, 11) and sys.implementation.name == 'cpython':
        return sys.executable
    for name in ('python3.11', 'python3'):
        exe = shutil.which(name)
        if exe and subprocess.run([exe, '-c', 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            return exe
    return None


def run_once(cmd, cwd):
    """(CPU seconds, stdout) of one run; raises on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=TIMEOUT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    secs = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        msg = proc.stderr.decode(errors='replace').strip().splitlines()
        raise RuntimeError('exit status %d%s' % (proc.returncode, ': ' + msg[-1] if msg else ''))
    return secs, proc.stdout


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def fmt_ratio(r):
    return '%7.2fx' % r if r else '%8s' % '-'


def main():
    ap = argparse.ArgumentParser(description='Benchmarks: Aithon against CPython and PyPy.')
    ap.add_argument('--build', default='build', help='build directory (default: build)')
    ap.add_argument('-k', action='append', metavar='SUBSTR', help='only matching benchmarks')
    ap.add_argument('--runs', type=int, default=3, help='runs per implementation (the median is kept)')
    ap.add_argument('--no-pypy', action='store_true', help='do not run PyPy even if installed')
    ap.add_argument('--no-cpython', action='store_true',
                    help='run CPython once only, for the reference output (no timing)')
    ap.add_argument('--size', help='size argument passed to every program (default: each its own)')
    args = ap.parse_args()

    aithonc = os.path.join(os.path.abspath(os.path.join(ROOT, args.build)), 'bin', 'aithonc')
    cpython = find_cpython311()
    pypy = None if args.no_pypy else shutil.which('pypy3')
    names = sorted(n for n in os.listdir(HERE)
                   if n.endswith('.py') and not n.startswith(('_', 'run_')))
    if args.k:
        names = [n for n in names if any(k in n for k in args.k)]
    if not cpython:
        print('run_bench.py: no CPython 3.11 found (python3.11 or python3)')
        return 1
    if not os.access(aithonc, os.X_OK):
        print('run_bench.py: no compiler at %s (run make)' % aithonc)
        return 1
    extra = [args.size] if args.size else []

    tmp = tempfile.mkdtemp(prefix='aithon-bench-')
    header = '%-14s %9s %9s %9s %9s %9s %8s %8s' % (
        'benchmark', 'Aithon s', 'CPython s', 'PyPy s', 'vs CPy', 'vs PyPy', 'compile', 'binary')
    print(header)
    print('-' * len(header))
    bad = 0
    r_cpy, r_pypy, compiles = [], [], []
    try:
        for name in names:
            base = name[:-3]
            notes = []
            exe = os.path.join(tmp, base)
            # Compile time: CPU seconds of aithonc and the linker it runs.
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            proc = subprocess.run([aithonc, name, '-O2', '-o', exe], cwd=HERE,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            t_compile = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            if proc.returncode != 0:
                lines = proc.stdout.decode(errors='replace').strip().splitlines()
                print('%-14s aithonc failed%s' % (base, ': ' + lines[0] if lines else ''))
                bad += 1
                continue
            compiles.append(t_compile)
            size_kib = os.path.getsize(exe) / 1024.0
            impls = [('aithon', [exe] + extra)]
            impls.append(('cpython', [cpython, '-B', name] + extra))
            if pypy:
                impls.append(('pypy', [pypy, name] + extra))
            times = {k: [] for k, _ in impls}
            outs = {}
            failed = {}
            for i in range(args.runs):
                for key, cmd in impls:
                    if key in failed or (key == 'cpython' and args.no_cpython and i > 0):
                        continue
                    try:
                        secs, out = run_once(cmd, HERE)
                    except (RuntimeError, subprocess.TimeoutExpired) as e:
                        failed[key] = str(e)
                        continue
                    times[key].append(secs)
                    if key in outs and outs[key] != out:
                        failed[key] = 'output differs between runs'
                    outs[key] = out
            if 'cpython' in failed:
                print('%-14s CPython failed: %s' % (base, failed['cpython']))
                bad += 1
                continue
            med = {k: statistics.median(v) for k, v in times.items() if v and k not in failed}
            if 'aithon' in failed:
                notes.append('Aithon: ' + failed['aithon'])
                bad += 1
            elif outs['aithon'] != outs['cpython']:
                notes.append('Aithon output differs')
                bad += 1
            if 'pypy' in failed:
                notes.append('PyPy: ' + failed['pypy'])
            elif pypy and outs.get('pypy') != outs['cpython']:
                notes.append('PyPy output differs')
            ta, tc, tp = med.get('aithon'), med.get('cpython'), med.get('pypy')
            vc = tc / ta if ta and tc and not args.no_cpython else None
            vp = tp / ta if ta and tp else None
            if vc:
                r_cpy.append(vc)
            if vp:
                r_pypy.append(vp)
            cell = lambda t: '%9.3f' % t if t is not None else '%9s' % '-'
            print('%-14s %s %s %s %s %s %7.2fs %6.0fK' % (
                base, cell(ta), cell(tc if not args.no_cpython else None), cell(tp),
                fmt_ratio(vc), fmt_ratio(vp), t_compile, size_kib)
                  + ('   ' + '; '.join(notes) if notes else ''))
            sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    gc_, gp = geomean(r_cpy), geomean(r_pypy)
    print('-' * len(header))
    print('%-14s %29s %9s %s %s' % ('geomean', '', '', fmt_ratio(gc_), fmt_ratio(gp)))
    if compiles:
        print('compile time: median %.2fs, max %.2fs' % (statistics.median(compiles), max(compiles)))
    print('times: CPU seconds, median of %d runs taken in turns; vs X = X time / Aithon time '
          '(above 1: Aithon is faster); compile: CPU seconds of aithonc -O2 and the link' % args.runs)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
