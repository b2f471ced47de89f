import shlex, getopt, sys
cases = ['ls -l "my file.txt" \'x y\'', r'echo a\ b "c \"d\" e" \\x', 'cmd # comment here', 'a"b c"d', "it's",
         'x=1 y="2 3"  z', '', '   ', r'"a\nb" \n', "grep -e 'a|b' | wc -l", 'ab"c', 'a b\tc\nd']
for c in cases:
    for posix in (True, False):
        try:
            print(repr(c), posix, shlex.split(c, posix=posix))
        except ValueError as e:
            print(repr(c), posix, "ValueError", e)
    try:
        print(shlex.split(c, comments=True))
    except ValueError as e:
        print("ValueError", e)
for bad in ['"abc', "a 'b", 'a\\']:
    try:
        print(shlex.split(bad))
    except ValueError as e:
        print("ValueError:", e)
for s in ['', 'abc', 'a b', "it's", 'a;b', '$HOME', 'x@y.com:8080/p-q_r', 'é']:
    print(repr(shlex.quote(s)))
print(shlex.join(['echo', 'hello world', "it's", '']))
lx = shlex.shlex('a = b + c; foo("bar baz") # c\nnext_line 12.5')
print(list(lx))
lx = shlex.shlex('a = b + c; foo("bar baz")', posix=True)
print([t for t in lx])
lx = shlex.shlex('a && b || c; d > out', punctuation_chars=True)
print(list(lx))
lx = shlex.shlex("one two three")
print(lx.get_token(), lx.lineno)
lx.push_token("pushed")
print(lx.get_token(), lx.get_token(), lx.get_token(), repr(lx.get_token()))
lx = shlex.shlex("x\ny\nz", posix=True)
for t in lx:
    print(t, lx.lineno)

def main(argv):
    try:
        opts, args = getopt.getopt(argv, "hvo:n:", ["help", "output=", "verbose", "count="])
    except getopt.GetoptError as err:
        print("error:", err, repr(err.opt), err.msg, err.args)
        return 2
    for o, a in opts:
        print(o, repr(a))
    print("args", args)
    return 0
for argv in [['-h', '-o', 'f.txt', 'x', 'y'], ['-vofile', '--out=z', '--verb', 'rest', '-v'],
             ['-x'], ['--nope'], ['-o'], ['--output'], ['--help=3'], ['--count', '5', '--', '-v'],
             ['-', '-v'], ['-n5', '-hv']]:
    print(argv, main(argv))
print(getopt.gnu_getopt(['a', '-v', 'b', '--output', 'o', 'c'], 'v', ['output=']))
print(getopt.gnu_getopt(['a', '-v'], '+v'))
try:
    getopt.getopt(['--co'], '', ['color', 'count'])
except getopt.error as e:
    print(e, type(e).__name__, e.opt)
print(getopt.getopt(['--co'], '', ['color']))
print(getopt.getopt(['--co', 'x'], '', 'co'))
print(getopt.getopt(['-a:'], 'a:'))
