import fnmatch
import glob
import os
import tempfile

print(fnmatch.fnmatch('foo.py', '*.py'), fnmatch.fnmatch('foo.PY', '*.py'), fnmatch.fnmatchcase('a1', 'a[0-9]'), fnmatch.fnmatchcase('ab', 'a[!b]'))
print(fnmatch.filter(['a.c', 'b.h', 'c.c', '.d.c'], '*.c'), fnmatch.fnmatchcase('x?y', 'x[?]y'), fnmatch.fnmatchcase('[', '['), fnmatch.fnmatchcase('a-b', 'a[-]b'))
print(glob.has_magic('a*'), glob.has_magic('abc'), glob.escape('a*b?[c]'))
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    for d in ('src/pkg', 'src/.hid', 'docs'):
        os.makedirs(d)
    for f in ('src/a.py', 'src/b.py', 'src/c.txt', 'src/pkg/d.py', 'src/.hid/e.py', 'src/.f.py', 'docs/x.md', 'top.py'):
        with open(f, 'w') as fh:
            fh.write('x')
    print(sorted(glob.glob('*.py')), sorted(glob.glob('src/*.py')), sorted(glob.glob('src/*')), sorted(glob.glob('*/')))
    print(sorted(glob.glob('src/**/*.py', recursive=True)), sorted(glob.glob('**/*.md', recursive=True)))
    print(sorted(glob.glob('src/**', recursive=True)), sorted(glob.glob('src/.*')), sorted(glob.glob('src/*.py', include_hidden=True)))
    print(sorted(glob.glob('s?c/[ab].py')), glob.glob('nothing*'), glob.glob('top.py'), glob.glob('missing.py'), sorted(glob.glob('*.py', root_dir='src')))
    print(sorted(glob.iglob(os.path.join(tmp, 'docs', '*')))[0].endswith('docs/x.md'), sorted(glob.glob('src/**/', recursive=True)))
    os.chdir('/')
