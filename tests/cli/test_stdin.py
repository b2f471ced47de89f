"""Standard input and output as CPython's on POSIX (issue 9, item 10):
lines end at "\\n" only, so input() keeps a "\\r"; bytes that are not
UTF-8 become lone surrogates (errors='surrogateescape') and print()
writes them back as the same bytes; other lone surrogates still raise
UnicodeEncodeError. The program reads the same bytes under CPython
(`python3 -E`) and compiled; stdout and stderr must be equal.
"""

import os
import subprocess
import sys

from _cli import TMP, check, finish, run, write

AITHONC = os.path.abspath(sys.argv[1])

write('echo_stdin.py', '''import sys
a = input()
print(repr(a), len(a))
print(a)
b = input("> ")
print(repr(b))
c = sys.stdin.readline()
print(repr(c))
print("\\udcff\\udc80 escaped")
try:
    print("\\ud800")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
rest = []
try:
    while True:
        rest.append(input())
except EOFError:
    print(rest)
''')

INPUTS = [
    b'a\xffb\r\nc\xc3\r\nline3\r\n\r\nlast',
    b'plain\nlines\nonly\n',
    b'\xe2\x82\xac euro\r\n\xed\xa0\x80 encoded surrogate\n\x80\x81\n',
    b'cr only\rstill one line\n\rx\n',
]

rc, out, err = run([AITHONC, 'echo_stdin.py', '-o', 'echo_stdin'])
if check(rc == 0, 'echo_stdin compiles', err):
    for data in INPUTS:
        want = subprocess.run([sys.executable, '-E', 'echo_stdin.py'], cwd=TMP, input=data,
                              capture_output=True)
        got = subprocess.run([os.path.join(TMP, 'echo_stdin')], cwd=TMP, input=data,
                             capture_output=True)
        check((got.returncode, got.stdout) == (want.returncode, want.stdout),
              'stdin %r as CPython' % data[:20],
              'got %r\nwant %r' % ((got.returncode, got.stdout, got.stderr),
                                   (want.returncode, want.stdout, want.stderr)))
finish()
