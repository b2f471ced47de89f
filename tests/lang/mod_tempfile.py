import os
import tempfile

print(tempfile.gettempprefix(), os.path.isdir(tempfile.gettempdir()), tempfile.gettempdir() == tempfile.tempdir)
fd, path = tempfile.mkstemp(suffix='.dat', prefix='t_')
print(os.path.basename(path).startswith('t_'), path.endswith('.dat'), os.path.isabs(path), oct(os.stat(path).st_mode & 0o777))
os.write(fd, b'abc')
os.close(fd)
print(open(path, 'rb').read())
os.unlink(path)
d = tempfile.mkdtemp(prefix='dir_')
print(os.path.isdir(d), oct(os.stat(d).st_mode & 0o777), os.path.basename(d).startswith('dir_'), len(os.path.basename(d)))
os.rmdir(d)
with tempfile.NamedTemporaryFile('w+', suffix='.txt') as f:
    f.write('hello temp\n')
    f.flush()
    f.seek(0)
    print(f.read(), os.path.exists(f.name), f.name.endswith('.txt'))
    name = f.name
print(os.path.exists(name))
f = tempfile.NamedTemporaryFile(delete=False)
f.write(b'keep')
f.close()
print(os.path.exists(f.name), open(f.name, 'rb').read())
os.unlink(f.name)
with tempfile.TemporaryFile() as t:
    t.write(b'data')
    t.seek(0)
    print(t.read())
with tempfile.TemporaryDirectory(prefix='td_') as td:
    with open(os.path.join(td, 'x'), 'w') as fh:
        fh.write('x')
    os.mkdir(os.path.join(td, 'sub'))
    print(os.path.isdir(td), os.path.basename(td).startswith('td_'), sorted(os.listdir(td)))
print(os.path.exists(td))
t = tempfile.TemporaryDirectory()
print(repr(t).startswith('<TemporaryDirectory '), os.path.isdir(t.name))
t.cleanup()
print(os.path.exists(t.name))
sub = tempfile.mkdtemp()
p = tempfile.mktemp(dir=sub)
print(os.path.dirname(p) == sub, os.path.exists(p))
os.rmdir(sub)
