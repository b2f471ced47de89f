#!/usr/bin/env python3
"""run.py — benchmark Aithon's concurrent runtime against Go and Erlang.

Builds the C drivers in bench/runtime/ (spawn, pingpong, ring, skynet,
parked) from the scheduler's sources alone (runtime/sched, runtime/arch),
and gcpause (minor-collection pauses) with the whole runtime archive,
builds bench/runtime/go/rtbench.go when `go` is installed and
bench/runtime/erl/rtbench.erl when `erlc` is, runs all of them in the same
session and prints one table: each metric for each system, the ratio
Go/Aithon and Erlang/Aithon (every metric is "lower is better", so a ratio
above 1 means Aithon wins), and the target from the design brief.

    python3 bench/runtime/run.py [--build DIR] [--only spawn,ring] [--quick]
                                 [--runs N] [--threads N]

Each program already reports the best of three timed rounds after a
warm-up; --runs N takes the best of N program runs on top of that. No
assertion: the exit status is 1 only when a build or a run fails.
Standard library only.
"""

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

BENCHES = ['spawn', 'pingpong', 'ring', 'skynet', 'parked', 'gcpause']

# metric -> (description, unit, target text, target value or None)
METRICS = [
    ('spawn_exit', 'spawn + exit, per actor (1M, all workers)', 'ns', '< 1000 ns', 1000.0),
    ('spawn_wait', 'spawn, wait for exit, one at a time', 'ns', '', None),
    ('pingpong_rt', 'ping-pong round trip', 'ns', '< 500 ns', 500.0),
    ('ring_hop', '503-actor ring, per hop', 'ns', '', None),
    ('skynet', 'skynet, 1M actors', 'ms', '< Go', 'go'),
    ('parked', 'memory per parked actor (RSS)', 'B', '< 5120 B', 5120.0),
    ('parked_pte', '  + page tables per parked actor', 'B', '', None),
    ('gc_minor_p99', 'minor GC pause p99 (Go: STW pause; Erlang: minor GC)', 'us', '< 100 us', 100.0),
    ('gc_minor_max', 'minor GC pause max', 'us', '', None),
    ('gc_churn', 'churn round (alloc 2-item list + float)', 'ns', '', None),
]

QUICK_ARGS = {'spawn': '100000', 'pingpong': '200000', 'ring': '1000000',
              'skynet': '100000', 'parked': '50000', 'gcpause': '500000'}

RESULT_RE = re.compile(r'^RESULT (\S+) (\S+) (\S+)$')


def sh(cmd, env=None, cwd=None, timeout=900):
    """Run cmd; return stdout; raise with stderr on failure."""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, cwd=cwd, timeout=timeout, text=True)
    if p.returncode != 0:
        raise RuntimeError('%s failed (%d):\n%s%s' % (' '.join(cmd), p.returncode,
                                                       p.stdout[-2000:], p.stderr[-2000:]))
    return p.stdout


def parse(out):
    res = {}
    for line in out.splitlines():
        m = RESULT_RE.match(line.strip())
        if m:
            res[m.group(1)] = float(m.group(2))
    return res


def build_ours(build, cc, lib):
    arch = platform.machine()
    asm = {'x86_64': 'switch_x86_64.S', 'aarch64': 'switch_aarch64.S',
           'arm64': 'switch_aarch64.S'}.get(arch)
    if not asm:
        raise RuntimeError('no context switch for ' + arch)
    srcs = sorted(os.path.join(ROOT, 'runtime', 'sched', f)
                  for f in os.listdir(os.path.join(ROOT, 'runtime', 'sched')) if f.endswith('.c'))
    srcs.append(os.path.join(ROOT, 'runtime', 'arch', asm))
    exes = {}
    for b in BENCHES:
        exe = os.path.join(build, 'aithon_' + b)
        if b == 'gcpause':          # the collector: the whole runtime
            if not os.path.exists(lib):
                raise RuntimeError('no runtime archive %s (run make)' % lib)
            sh([cc, '-std=c17', '-O2', '-Wall', '-Wextra', '-Werror', '-D_GNU_SOURCE=',
                '-I' + os.path.join(ROOT, 'runtime', 'include'), '-I' + os.path.join(ROOT, 'runtime'),
                os.path.join(HERE, b + '.c'), lib, '-lgmp', '-lffi', '-lm', '-lpthread', '-o', exe])
            exes[b] = [exe]
            continue
        sh([cc, '-std=c17', '-O2', '-Wall', '-Wextra', '-Werror',
            '-I' + os.path.join(ROOT, 'runtime', 'include'), '-I' + os.path.join(ROOT, 'runtime'),
            os.path.join(HERE, b + '.c')] + srcs + ['-lpthread', '-o', exe])
        exes[b] = [exe]
    return exes


def build_go(build):
    go = shutil.which('go')
    if not go:
        return None
    env = dict(os.environ)
    env.setdefault('GOCACHE', os.path.join(build, 'gocache'))
    env.setdefault('GOPATH', os.path.join(build, 'gopath'))
    env['GOFLAGS'] = env.get('GOFLAGS', '')
    env['GO111MODULE'] = 'off'          # a lone file: nothing to fetch
    exe = os.path.join(build, 'rtbench_go')
    sh([go, 'build', '-o', exe, os.path.join(HERE, 'go', 'rtbench.go')], env=env)
    version = sh([go, 'version']).strip()
    return {b: [exe, b] for b in BENCHES}, version


def build_erlang(build):
    erlc, erl = shutil.which('erlc'), shutil.which('erl')
    if not erlc or not erl:
        return None
    out = os.path.join(build, 'erl')
    os.makedirs(out, exist_ok=True)
    sh([erlc, '-o', out, os.path.join(HERE, 'erl', 'rtbench.erl')])
    version = sh([erl, '-noshell', '-eval',
                  'io:format("OTP ~s", [erlang:system_info(otp_release)]), halt().']).strip()
    return {b: [erl, '-noshell', '+P', '5000000', '-pa', out, '-run', 'rtbench', 'main', b]
            for b in BENCHES}, version


def run_all(cmds, names, runs, quick, env):
    """{metric: best value} over `runs` runs of each benchmark."""
    best = {}
    for b in names:
        cmd = list(cmds[b])
        if quick:
            cmd.append(QUICK_ARGS[b])
        for _ in range(runs):
            for k, v in parse(sh(cmd, env=env)).items():
                if k not in best or v < best[k]:
                    best[k] = v
    return best


def fmt(v):
    if v is None:
        return '—'
    if v >= 100:
        return '%.0f' % v
    return '%.1f' % v


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--build', help='build directory (default: a temporary one)')
    ap.add_argument('--only', help='comma-separated subset of ' + ','.join(BENCHES))
    ap.add_argument('--quick', action='store_true', help='smaller sizes (for a smoke test)')
    ap.add_argument('--runs', type=int, default=1, help='program runs per benchmark (best of)')
    ap.add_argument('--threads', type=int, help='workers for every system (AITHON_THREADS, '
                    'GOMAXPROCS, erl +S)')
    ap.add_argument('--cc', default=os.environ.get('CC', 'gcc'))
    ap.add_argument('--lib', default=os.path.join(ROOT, 'build', 'lib', 'aithon', 'libaithonrt.a'),
                    help='the runtime archive, for the collector benchmark')
    args = ap.parse_args()

    names = BENCHES if not args.only else [n for n in args.only.split(',') if n in BENCHES]
    build = args.build or tempfile.mkdtemp(prefix='aithon-rtbench-')
    os.makedirs(build, exist_ok=True)
    env = dict(os.environ)
    if args.threads:
        env['AITHON_THREADS'] = str(args.threads)
        env['GOMAXPROCS'] = str(args.threads)

    status = 0
    systems = []                        # (name, version, cmds)
    try:
        systems.append(('Aithon', args.cc, build_ours(build, args.cc, args.lib)))
    except Exception as e:              # noqa: BLE001 — report and stop
        print('aithon build failed:', e, file=sys.stderr)
        return 1
    for label, builder in (('Go', build_go), ('Erlang', build_erlang)):
        try:
            r = builder(build)
        except Exception as e:          # noqa: BLE001
            print('%s build failed: %s' % (label, e), file=sys.stderr)
            status = 1
            r = None
        if r is None:
            print('(%s not installed: skipped)' % label, file=sys.stderr)
            continue
        cmds, version = r
        if label == 'Erlang' and args.threads:
            cmds = {b: c[:2] + ['+S', '%d:%d' % (args.threads, args.threads)] + c[2:]
                    for b, c in cmds.items()}
        systems.append((label, version, cmds))

    results = {}
    for label, _, cmds in systems:
        try:
            results[label] = run_all(cmds, names, args.runs, args.quick, env)
        except Exception as e:          # noqa: BLE001
            print('%s run failed: %s' % (label, e), file=sys.stderr)
            results[label] = {}
            status = 1

    print('Runtime benchmarks — %s, %d CPUs%s' % (platform.machine(), os.cpu_count() or 0,
                                                 ' (quick sizes)' if args.quick else ''))
    for label, version, _ in systems:
        print('  %-7s %s' % (label, version))
    others = [l for l, _, _ in systems if l != 'Aithon']
    head = ['metric', 'unit', 'Aithon'] + others + ['%s/Aithon' % o for o in others] + ['target', 'met']
    rows = []
    ours = results.get('Aithon', {})
    for key, desc, unit, ttext, tval in METRICS:
        if key not in ours and all(key not in results.get(o, {}) for o in others):
            continue
        a = ours.get(key)
        row = [desc, unit, fmt(a)] + [fmt(results.get(o, {}).get(key)) for o in others]
        for o in others:
            v = results.get(o, {}).get(key)
            row.append('%.2fx' % (v / a) if v and a else '—')
        met = ''
        if tval == 'go':
            g = results.get('Go', {}).get(key)
            met = ('yes' if a < g else 'NO') if a and g else '?'
        elif tval is not None and a is not None:
            met = 'yes' if a < tval else 'NO'
        row += [ttext, met]
        rows.append(row)
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = '  '.join('%-*s' % (w, h) for w, h in zip(widths, head))
    print(line)
    print('-' * len(line))
    for r in rows:
        print('  '.join(('%-*s' if i < 2 else '%*s') % (w, c) for i, (w, c) in enumerate(zip(widths, r))))
    print('(ratios: the other system\'s value / Aithon\'s; above 1 = Aithon is faster or smaller)')
    return status


if __name__ == '__main__':
    sys.exit(main())
