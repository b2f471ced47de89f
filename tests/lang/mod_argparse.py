import argparse
import io
import sys


def run(parser, args):
    err = io.StringIO()
    out = io.StringIO()
    old_err, old_out = sys.stderr, sys.stdout
    sys.stderr, sys.stdout = err, out
    try:
        ns = parser.parse_args(args)
        result = ns
    except SystemExit as e:
        result = 'exit %s' % e.code
    finally:
        sys.stderr, sys.stdout = old_err, old_out
    print(result)
    if out.getvalue():
        print('OUT:', out.getvalue().rstrip('\n').replace('\n', '\n     '))
    if err.getvalue():
        print('ERR:', err.getvalue().rstrip('\n').replace('\n', '\n     '))


p = argparse.ArgumentParser(prog='tool', description='Process some files.', epilog='See the docs.')
p.add_argument('src', help='source file')
p.add_argument('dst', nargs='?', default='out.txt', help='destination (default: %(default)s)')
p.add_argument('-n', '--count', type=int, default=1, help='how many times')
p.add_argument('-v', '--verbose', action='count', default=0, help='more output')
p.add_argument('-q', '--quiet', action='store_true')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast', help='speed')
p.add_argument('--tag', action='append', help='add a tag')
p.add_argument('--ratio', type=float, metavar='R')
p.add_argument('--version', action='version', version='%(prog)s 1.0')
run(p, ['in.txt'])
run(p, ['in.txt', 'o.txt', '-n', '3', '-vv', '--quiet', '--mode=slow', '--tag', 'a', '--tag=b', '--ratio', '0.5'])
run(p, ['-n5', 'x', '--count=7', '-v', '-v'])
run(p, ['--cou', '2', 'x'])
run(p, [])
run(p, ['x', '-n', 'abc'])
run(p, ['x', '--mode', 'medium'])
run(p, ['x', 'y', 'z'])
run(p, ['x', '--unknown'])
run(p, ['x', '-n'])
run(p, ['--version'])
run(p, ['-h'])
print(repr(p.format_usage()))
print(p.parse_known_args(['a', '--extra', 'b']) if False else p.parse_known_args(['a', '--extra']))

q = argparse.ArgumentParser(prog='multi')
q.add_argument('files', nargs='+')
q.add_argument('--opt', nargs=2, metavar=('A', 'B'))
q.add_argument('--maybe', nargs='?', const='C', default='D')
q.add_argument('--many', nargs='*')
q.add_argument('--no-cache', dest='cache', action='store_false')
q.add_argument('--const', action='store_const', const=42)
q.add_argument('--ext', action='extend', nargs='+', type=int)
run(q, ['a', 'b', '--opt', '1', '2', '--maybe', '--many', 'x', 'y', '--no-cache', '--const', '--ext', '1', '2', '--ext', '3'])
run(q, ['a', '--maybe', 'M', '--many'])
run(q, ['--opt', '1'])
run(q, ['-h'])

s = argparse.ArgumentParser(prog='git')
s.add_argument('--debug', action='store_true')
sub = s.add_subparsers(dest='command', help='sub-command help')
c = sub.add_parser('commit', help='record changes')
c.add_argument('-m', '--message', required=True)
c.add_argument('--amend', action='store_true')
pu = sub.add_parser('push', help='update remote')
pu.add_argument('remote', nargs='?', default='origin')
run(s, ['commit', '-m', 'hello'])
run(s, ['--debug', 'push', 'upstream'])
run(s, ['push'])
run(s, ['commit'])
run(s, ['pull'])
run(s, ['-h'])
run(s, ['commit', '-h'])

g = argparse.ArgumentParser(prog='grp')
grp = g.add_mutually_exclusive_group()
grp.add_argument('--json', action='store_true')
grp.add_argument('--xml', action='store_true')
opts = g.add_argument_group('tuning', 'Tuning options.')
opts.add_argument('--level', type=int, default=3, help='level')
run(g, ['--json'])
run(g, ['--json', '--xml'])
run(g, ['-h'])
ns = argparse.Namespace(a=1, b='x')
print(ns, ns == argparse.Namespace(a=1, b='x'), 'a' in ns, vars(ns))
d = argparse.ArgumentParser(prog='defaults', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
d.add_argument('--size', type=int, default=10, help='the size')
d.set_defaults(extra=True)
run(d, [])
run(d, ['-h'])
