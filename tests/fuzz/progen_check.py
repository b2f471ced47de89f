#!/usr/bin/env python3
"""progen_check.py — keep the program generator of the emit fuzzer honest.

Builds tests/fuzz/progen.c standalone, writes COUNT programs from
pseudo-random bytes and asks CPython's compile() about each: every one
must compile. A program CPython rejects is a bug in the generator (the
fuzzer would then test the compiler's error paths instead of scope
analysis and emission). Prints the first failures with their programs.

    python3 tests/fuzz/progen_check.py [COUNT] [SEED]
"""
import os
import subprocess
import sys
import tempfile
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seed = sys.argv[2] if len(sys.argv) > 2 else '1'
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, 'progen')
        subprocess.run(['cc', '-std=c17', '-O1', '-g', '-Wall', '-Wextra', '-Werror', '-DPROGEN_MAIN',
                        os.path.join(HERE, 'progen.c'), '-o', exe], check=True)
        out = subprocess.run([exe, '-seed', seed, str(count)], check=True,
                             stdout=subprocess.PIPE).stdout.decode()
    programs = out.split('#### program ')[1:]
    bad = 0
    sizes = []
    for p in programs:
        num, _, src = p.partition('\n')
        sizes.append(src.count('\n'))
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            try:
                compile(src, 'prog%s.py' % num, 'exec')
            except SyntaxError as e:
                bad += 1
                if bad <= 3:
                    print('program %s: %s: %s (line %s)' % (num, type(e).__name__, e.msg, e.lineno))
                    lines = src.split('\n')
                    lo = max(0, (e.lineno or 1) - 6)
                    for i, l in enumerate(lines[lo:(e.lineno or 1) + 2], lo + 1):
                        print('  %3d  %s' % (i, l))
    print('%d programs (%d lines on average), %d rejected by CPython'
          % (len(programs), sum(sizes) // max(1, len(sizes)), bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
