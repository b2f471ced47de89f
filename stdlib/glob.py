"""Filename globbing utility: glob, iglob, escape, has_magic."""

import os
import re
import fnmatch

__all__ = ["glob", "iglob", "escape"]

_magic = re.compile('([*?[])')
_magic_b = re.compile(b'([*?[])')


def has_magic(s):
    if isinstance(s, bytes):
        return _magic_b.search(s) is not None
    return _magic.search(s) is not None


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return a list of paths matching a pathname pattern (in directory
    listing order); '**' matches any depth when recursive is true."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return an iterator which yields the paths matching a pathname pattern."""
    pathname = os.fspath(pathname)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    return iter(_glob(pathname, root_dir, recursive, include_hidden, False))


def _exists(root, path):
    return os.path.lexists(os.path.join(root, path) if root else path)


def _isdir(root, path):
    return os.path.isdir(os.path.join(root, path) if root else path)


def _listdir(root, dirname):
    d = os.path.join(root, dirname) if root else dirname
    if not d:
        d = os.curdir if isinstance(dirname, str) else os.curdir.encode()
    try:
        return os.listdir(d)
    except OSError:
        return []


def _hidden(name):
    return name[0] in '.' if isinstance(name, str) else name[:1] == b'.'


def _glob(pathname, root, recursive, hidden, dironly):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _exists(root, pathname):
                return [pathname]
        elif _isdir(root, dirname):
            return [pathname]
        return []
    if not dirname:
        if recursive and _isrecursive(basename):
            return _rlistdir_all(root, dirname, hidden, dironly)
        return _glob1(root, dirname, basename, hidden, dironly)
    if dirname != pathname and has_magic(dirname):
        dirs = _glob(dirname, root, recursive, hidden, True)
    else:
        dirs = [dirname]
    out = []
    for d in dirs:
        if has_magic(basename):
            if recursive and _isrecursive(basename):
                names = _rlistdir_all(root, d, hidden, dironly)
            else:
                names = _glob1(root, d, basename, hidden, dironly)
        else:
            names = [basename] if (basename and _exists(root, os.path.join(d, basename))) \
                or (not basename and _isdir(root, d)) else []
        for name in names:
            out.append(os.path.join(d, name))
    return out


def _glob1(root, dirname, pattern, hidden, dironly):
    names = _listdir(root, dirname)
    if dironly:
        names = [n for n in names if _isdir(root, os.path.join(dirname, n))]
    if not (hidden or _hidden(pattern)):
        names = [n for n in names if not _hidden(n)]
    return fnmatch.filter(names, pattern)


def _isrecursive(pattern):
    return pattern == '**' or pattern == b'**'


def _rlistdir_all(root, dirname, hidden, dironly):
    # '**': the directory itself (as '') and everything below it
    out = [dirname[:0]]
    out.extend(_rlistdir(root, dirname, hidden, dironly))
    return out


def _rlistdir(root, dirname, hidden, dironly):
    names = _listdir(root, dirname)
    for x in names:
        if not hidden and _hidden(x):
            continue
        path = os.path.join(dirname, x) if dirname else x
        isdir = _isdir(root, path)
        if not dironly or isdir:
            yield x
        if isdir and not os.path.islink(os.path.join(root, path) if root else path):
            for y in _rlistdir(root, path, hidden, dironly):
                yield os.path.join(x, y)


def escape(pathname):
    """Escape all special characters."""
    if isinstance(pathname, bytes):
        return re.sub(b'([*?[])', br'[\1]', pathname)
    return re.sub('([*?[])', r'[\1]', pathname)
