import os
import shutil
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    os.makedirs('tree/sub/deeper')
    for f, text in (('tree/a.txt', 'alpha'), ('tree/sub/b.txt', 'beta'), ('tree/sub/deeper/c.log', 'gamma'), ('tree/skip.tmp', 'no')):
        with open(f, 'w') as fh:
            fh.write(text)
    os.chmod('tree/a.txt', 0o640)
    print(shutil.copy('tree/a.txt', 'copy.txt'), oct(os.stat('copy.txt').st_mode & 0o777), open('copy.txt').read())
    print(shutil.copy2('tree/a.txt', 'tree/sub'), os.path.getmtime('tree/sub/a.txt') == os.path.getmtime('tree/a.txt'))
    print(shutil.copyfile('tree/a.txt', 'plain.txt'), open('plain.txt').read())
    try:
        shutil.copyfile('tree/a.txt', 'tree/a.txt')
    except shutil.SameFileError as e:
        print('SameFileError', e)
    print(shutil.copytree('tree', 'tree2', ignore=shutil.ignore_patterns('*.tmp', '*.log')))
    print(sorted(os.path.relpath(os.path.join(r, f), 'tree2') for r, ds, fs in os.walk('tree2') for f in fs))
    try:
        shutil.copytree('tree', 'tree2')
    except FileExistsError as e:
        print('FileExistsError', e.errno)
    shutil.copytree('tree', 'tree2', dirs_exist_ok=True)
    print(sorted(os.listdir('tree2')))
    print(shutil.move('copy.txt', 'moved.txt'), os.path.exists('copy.txt'), shutil.move('moved.txt', 'tree2'), os.path.exists('tree2/moved.txt'))
    print(shutil.move('tree2', 'tree3'), os.path.isdir('tree3'), os.path.exists('tree2'))
    shutil.rmtree('tree3')
    print(os.path.exists('tree3'))
    try:
        shutil.rmtree('nonexistent')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    shutil.rmtree('nonexistent', ignore_errors=True)
    errs = []
    shutil.rmtree('nonexistent', onerror=lambda f, p, e: errs.append((f.__name__, p, e[0].__name__)))
    print(errs)
    import io
    src = io.StringIO('x' * 100000)
    dst = io.StringIO()
    shutil.copyfileobj(src, dst, 1000)
    print(len(dst.getvalue()))
    print(shutil.which('sh') is not None, shutil.which('definitely-not-a-command-xyz'), shutil.get_terminal_size((100, 40)).columns > 0)
    os.chdir('/')
print(issubclass(shutil.Error, OSError), issubclass(shutil.SameFileError, shutil.Error))
