"""re's engine falls back to its linear-time automaton: patterns whose
backtracking is exponential (CPython takes minutes on them) finish
quickly on long inputs. The answers are checked by hand here because
CPython cannot produce them in reasonable time."""

import time

from _cli import aithonc, check, finish, run, write

write('relinear.py', r'''import re
print(re.match(r'(a*)*b', 'a' * 5000))
print(re.match(r'(a|aa)*c', 'a' * 5000 + 'b'))
print(re.search(r'(x+x+)+y', 'x' * 3000))
print(re.match(r'^(\w+\s?)*$', 'an example sentence with many words ' * 50 + '!'))
m = re.match(r'(a*)*b', 'a' * 3000 + 'b')
print(m.span(), m.groups())
''')
rc, out, err = aithonc('relinear.py', '-o', 'relinear')
check(rc == 0, 'compile', err)
t = time.time()
rc, out, err = run(['./relinear'], timeout=60)
elapsed = time.time() - t
check(rc == 0, 'run', err)
check(out == "None\nNone\nNone\nNone\n(0, 3001) ('',)\n", 'answers', repr(out))
check(elapsed < 20, 'linear time', '%.1fs' % elapsed)
finish()
