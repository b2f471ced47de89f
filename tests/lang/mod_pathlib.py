import os
import tempfile
from pathlib import Path, PurePath, PurePosixPath, PosixPath

p = PurePath('/usr/lib/python3.11/json/__init__.py')
print(p, repr(p), p.name, p.suffix, p.stem, p.suffixes, p.parent, p.anchor, p.root, p.drive, p.parts)
print(list(p.parents)[:3], p.parents[0], p.parents[-1], len(p.parents), p.is_absolute())
q = PurePosixPath('a//b/./c/../d.tar.gz')
print(q, q.suffixes, q.suffix, q.stem, q.with_suffix('.zip'), q.with_name('x.txt'), q.with_stem('e'), q.with_suffix(''))
print(PurePath(), PurePath('.'), PurePath('a', 'b', 'c'), PurePath('a', '/b', 'c'), PurePath('//x/y'), PurePath('///x'))
print(PurePath('/a') / 'b' / 'c', 'x' / PurePath('y'), PurePath('/a/b').joinpath('c', 'd'), PurePath('a/b') / PurePath('/abs'))
print(PurePath('/a/b/c').relative_to('/a'), PurePath('/a/b').is_relative_to('/a'), PurePath('/a/b').is_relative_to('/c'))
print(PurePath('a/b.py').match('*.py'), PurePath('/a/b/c.py').match('b/*.py'), PurePath('/a/b/c.py').match('a/*.py'), PurePath('/a.py').match('/*.py'))
print(PurePath('a') == PurePath('a/'), PurePath('a') < PurePath('b'), sorted([PurePath('b'), PurePath('a/c'), PurePath('a')]), hash(PurePath('x/y')) == hash(PurePath('x//y')))
print(os.fspath(PurePath('a/b')), str(PurePath('.hidden').suffix), PurePath('.hidden').stem, PurePath('a.').suffix, PurePath('foo.tar.').suffixes, p.as_posix())
print(type(Path('x')).__name__, isinstance(Path('x'), PurePath), isinstance(Path('x'), os.PathLike), repr(Path('a/b')))
for bad in (lambda: PurePath('/a').relative_to('/b'), lambda: PurePath('a').with_suffix('txt'), lambda: PurePath('/').with_name('x'),
            lambda: PurePath('a').with_name('a/b'), lambda: PurePath(3)):
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

with tempfile.TemporaryDirectory() as tmp:
    base = Path(tmp)
    (base / 'sub' / 'deep').mkdir(parents=True)
    (base / 'a.txt').write_text('hello\nworld\n')
    (base / 'b.bin').write_bytes(b'\x00\x01')
    (base / 'sub' / 'c.txt').write_text('c')
    (base / 'sub' / 'deep' / 'd.py').write_text('print(1)')
    (base / '.hidden').touch()
    print((base / 'a.txt').read_text().splitlines(), (base / 'b.bin').read_bytes(), (base / 'a.txt').stat().st_size)
    print((base / 'a.txt').exists(), (base / 'a.txt').is_file(), (base / 'sub').is_dir(), (base / 'nope').exists(), (base / 'sub').is_file())
    print(sorted(x.name for x in base.iterdir()))
    print(sorted(str(x.relative_to(base)) for x in base.glob('*.txt')), sorted(str(x.relative_to(base)) for x in base.glob('*')))
    print(sorted(str(x.relative_to(base)) for x in base.rglob('*.txt')), sorted(str(x.relative_to(base)) for x in base.glob('**/*.py')))
    print(sorted(str(x.relative_to(base)) for x in base.glob('sub/*')), sorted(str(x.relative_to(base)) for x in base.glob('**')))
    with (base / 'a.txt').open() as f:
        print(f.readline().strip())
    with (base / 'a.txt').open('a') as f:
        f.write('more\n')
    print(len((base / 'a.txt').read_text()))
    r = (base / 'a.txt').rename(base / 'renamed.txt')
    print(r.name, (base / 'a.txt').exists(), r.exists())
    (base / 'renamed.txt').unlink()
    (base / 'renamed.txt').unlink(missing_ok=True)
    try:
        (base / 'renamed.txt').unlink()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    try:
        (base / 'sub').mkdir()
    except FileExistsError as e:
        print('FileExistsError', e.errno)
    (base / 'sub').mkdir(exist_ok=True)
    (base / 'empty').mkdir()
    (base / 'empty').rmdir()
    print((base / 'empty').exists(), Path(tmp).resolve() == Path(os.path.realpath(tmp)), (base / 'x' / '..').resolve() == base.resolve())
    os.chdir(tmp)
    print(Path.cwd() == base.resolve(), Path('sub').absolute() == base.resolve() / 'sub', Path('sub/c.txt').read_text())
    print(Path('~').expanduser() == Path.home(), Path('sub/c.txt').samefile(base / 'sub' / 'c.txt'))
    os.chdir('/')
with tempfile.TemporaryDirectory() as tmp:
    target = Path(tmp) / 'opened.txt'
    with open(target, 'w') as fh:
        fh.write('via open()')
    print(open(target).read(), open(target).name == str(target))
