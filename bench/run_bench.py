#!/usr/bin/env python3
"""run_bench.py — time each bench/*.py under CPython 3.11, Aithon and PyPy.

Every benchmark is a plain Python program that prints its result. This
script compiles it with `aithonc -O2`, then runs the Aithon binary, CPython
3.11 and (when installed) pypy3 on the same file in the same session, best
of N wall-clock runs each, checks that all outputs are identical, and
prints one table row per benchmark with the ratios CPython/Aithon and
CPython/PyPy (higher is faster than CPython). There are no speed
assertions: the exit status is 1 only when an output differs or a step
fails. Standard library only.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

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


def best_of(cmd, runs, cwd):
    """(best seconds, stdout) of `runs` runs; raises on failure.

    The time of a run is the CPU time (user + system) the child used:
    on a shared machine that is much steadier than wall-clock time, which
    counts the time other processes held the CPU. (A program that sleeps
    or waits would need wall-clock time; these benchmarks do not.)"""
    best, out = None, None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        secs = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            msg = proc.stderr.decode(errors='replace').strip().splitlines()
            raise RuntimeError('exit status %d%s' % (proc.returncode,
                                                     ': ' + msg[-1] if msg else ''))
        if out is not None and proc.stdout != out:
            raise RuntimeError('output differs between runs')
        out = proc.stdout
        best = secs if best is None else min(best, secs)
    return best, out


def main():
    ap = argparse.ArgumentParser(description='Benchmarks: Aithon against CPython and PyPy.')
    ap.add_argument('--build', default='build', help='build directory (default: build)')
    ap.add_argument('-k', action='append', metavar='SUBSTR', help='only matching benchmarks')
    ap.add_argument('--runs', type=int, default=5, help='runs per implementation (best is kept)')
    ap.add_argument('--no-pypy', action='store_true', help='do not run PyPy even if installed')
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

    tmp = tempfile.mkdtemp(prefix='aithon-bench-')
    header = '%-16s %10s %10s %8s %10s %8s' % ('benchmark', 'CPython s', 'Aithon s', 'ratio',
                                              'PyPy s', 'ratio')
    print(header)
    print('-' * len(header))
    bad = 0
    try:
        for name in names:
            row = [name[:-3]]
            notes = []
            try:
                t_py, out_py = best_of([cpython, '-B', name], args.runs, HERE)
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                print('%-16s CPython failed: %s' % (name[:-3], e))
                bad += 1
                continue
            row.append('%10.3f' % t_py)

            exe = os.path.join(tmp, name[:-3])
            proc = subprocess.run([aithonc, name, '-O2', '-o', exe], cwd=HERE,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            if proc.returncode != 0:
                lines = proc.stdout.decode(errors='replace').strip().splitlines()
                notes.append('aithonc failed' + (': ' + lines[0] if lines else ''))
                row += ['%10s' % '-', '%8s' % '-']
                bad += 1
            else:
                try:
                    t_ai, out_ai = best_of([exe], args.runs, HERE)
                    row += ['%10.3f' % t_ai, '%7.2fx' % (t_py / t_ai)]
                    if out_ai != out_py:
                        notes.append('Aithon output differs')
                        bad += 1
                except (RuntimeError, subprocess.TimeoutExpired) as e:
                    row += ['%10s' % '-', '%8s' % '-']
                    notes.append('Aithon: %s' % e)
                    bad += 1

            if pypy:
                try:
                    t_pp, out_pp = best_of([pypy, name], args.runs, HERE)
                    row += ['%10.3f' % t_pp, '%7.2fx' % (t_py / t_pp)]
                    if out_pp != out_py:
                        notes.append('PyPy output differs')
                except (RuntimeError, subprocess.TimeoutExpired) as e:
                    row += ['%10s' % '-', '%8s' % '-']
                    notes.append('PyPy: %s' % e)
            else:
                row += ['%10s' % 'n/a', '%8s' % '']
            print('%-16s %s %s %s %s %s' % tuple(row) + ('   ' + '; '.join(notes) if notes else ''))
            sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('ratio = CPython time / other time (CPU seconds, best of %d runs; higher is faster)' % args.runs)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
