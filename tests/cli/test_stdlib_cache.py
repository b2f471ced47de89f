"""The stdlib modules' object cache (compiler/objcache.h): a first build
fills it, a second reuses the entry without rewriting it, a program using
the module differently shares it, and AITHON_CACHE_DIR=off builds without
any cache. Every build must still run correctly."""

import glob
import os
import shutil

from _cli import TMP, aithonc, check, finish, run, write

cache = os.path.join(TMP, 'cache')
shutil.rmtree(cache, ignore_errors=True)
env = dict(os.environ, AITHON_CACHE_DIR=cache)

write('uses_bisect.py', 'import bisect\nprint(bisect.bisect([1, 3, 5], 4))\n')
write('uses_bisect2.py', 'from bisect import insort\na = [1, 5]\ninsort(a, 3)\nprint(a)\n')


def build(src, exe, e=env):
    rc, out, err = aithonc(src, '-o', exe, env=e)
    check(rc == 0, 'compile ' + src, err)
    rc, out, err = run([os.path.join(TMP, exe)])
    return out


def entries():
    return sorted(glob.glob(os.path.join(cache, '*', '*.o')))


check(build('uses_bisect.py', 'b1') == '2\n', 'first build runs')
first = entries()
check(len(first) == 1, 'one cached object after the first build', repr(first))
mtimes = [os.stat(p).st_mtime_ns for p in first]
check(build('uses_bisect.py', 'b2') == '2\n', 'second build runs')
check(entries() == first, 'the second build adds nothing', repr(entries()))
check([os.stat(p).st_mtime_ns for p in first] == mtimes, 'the entry is reused, not rewritten')
check(build('uses_bisect2.py', 'b3') == '[1, 3, 5]\n', 'another program runs')
check(entries() == first, 'another program shares the entry', repr(entries()))
check(not glob.glob(os.path.join(cache, '*', '.tmp-*')), 'no temporary file left behind')

off = dict(os.environ, AITHON_CACHE_DIR='off')
check(build('uses_bisect.py', 'b4', off) == '2\n', 'a build without cache runs')
check(entries() == first, 'AITHON_CACHE_DIR=off writes nothing')
finish()
