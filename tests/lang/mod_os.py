import os
import os.path
import stat
from os.path import join, exists, splitext, basename, dirname
base = '/tmp/aithon_os_test'
def rmtree(p):
    for root, dirs, files in os.walk(p, topdown=False):
        for f in files: os.remove(join(root, f))
        for d in dirs: os.rmdir(join(root, d))
    os.rmdir(p)
if exists(base): rmtree(base)
os.makedirs(join(base, 'a', 'b'))
os.makedirs(join(base, 'a', 'b'), exist_ok=True)
try: os.makedirs(join(base, 'a'))
except FileExistsError as e: print("FileExistsError", e.errno, e.filename == join(base, 'a'))
with open(join(base, 'a', 'f1.txt'), 'w') as f: f.write('hello')
with open(join(base, 'a', 'b', 'f2.py'), 'w') as f: f.write('x = 1\n')
print(sorted(os.listdir(base)), sorted(os.listdir(join(base, 'a'))))
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(root[len(base):] or '/', dirs, sorted(files))
print([e.name for e in sorted(os.scandir(join(base, 'a')), key=lambda e: e.name)], [e.is_dir() for e in sorted(os.scandir(join(base, 'a')), key=lambda e: e.name)])
st = os.stat(join(base, 'a', 'f1.txt')); print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(base).st_mode), isinstance(st.st_mtime, float))
os.rename(join(base, 'a', 'f1.txt'), join(base, 'a', 'g.txt')); print(exists(join(base, 'a', 'f1.txt')), os.path.isfile(join(base, 'a', 'g.txt')), os.path.getsize(join(base, 'a', 'g.txt')))
try: os.remove(join(base, 'nope'))
except FileNotFoundError as e: print(e.strerror, basename(e.filename))
try: os.listdir(join(base, 'zzz'))
except OSError as e: print(type(e).__name__, e.errno)
rmtree(base); print(exists(base))
print(join('a', 'b', 'c'), join('/x', '/y', 'z'), os.path.split('/a/b/c.txt'), splitext('f.tar.gz'), splitext('.bashrc'))
print(os.path.normpath('a//b/./c/../d'), os.path.normpath('/../x'), os.path.normpath(''), os.path.normpath('//a'))
print(os.path.isabs('/a'), os.path.relpath('/a/b/c', '/a/d'), os.path.commonpath(['/a/b/c', '/a/b/d']), os.path.commonprefix(['abc', 'abd']))
print(dirname('/a/b/'), basename('/a/b/'), os.path.abspath('/x/../y'), os.sep, os.pathsep, os.linesep == '\n', os.name, os.curdir)
print(os.getcwd() == os.path.abspath('.'), os.getpid() > 0, os.cpu_count() >= 1, len(os.urandom(8)))
os.environ['AITHON_T'] = 'v1'; print(os.environ['AITHON_T'], os.getenv('AITHON_T'), os.getenv('NOPE_X', 'dflt'), 'AITHON_T' in os.environ)
del os.environ['AITHON_T']; print(os.environ.get('AITHON_T'))
os.environ['HOME'] = '/home/u'; print(os.path.expanduser('~/x'), os.path.expandvars('$HOME/y ${HOME} $NOPE_Q'))
print(stat.filemode(0o100644), stat.filemode(0o40755))
print(os.fspath('p'), os.path.join(b'a', b'b'), os.path.exists(''), os.path.isdir('/'))
