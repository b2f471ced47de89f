"""Operating system interfaces: files and directories (listdir, scandir,
walk, makedirs, stat, remove, rename …), the environment, processes, and
os.path. Written on the posix module (runtime/modules/modposix.c)."""

import abc
import sys
import stat as st

from posix import *
from posix import _scandir, _utime_ns, _get_terminal_size, _uname, _confstr, _times, _realpath, _exit
import posix as _posix

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep",
           "defpath", "name", "path", "devnull", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "fsencode", "fsdecode", "get_exec_path", "fdopen",
           "extsep", "makedirs", "removedirs", "renames", "walk", "fwalk",
           "getenv", "getenvb", "putenv", "unsetenv", "environ", "PathLike",
           "fspath", "scandir", "DirEntry", "stat_result", "listdir", "getcwd",
           "chdir", "mkdir", "rmdir", "remove", "unlink", "rename", "replace",
           "stat", "lstat", "getpid", "cpu_count", "urandom", "access", "chmod",
           "utime", "symlink", "readlink", "link", "kill", "strerror", "umask",
           "system", "get_terminal_size", "terminal_size", "uname", "times", "confstr", "confstr_names",
           "error", "walk"]

name = 'posix'
linesep = '\n'
sep = '/'
altsep = None
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_bytes_environ = True

error = OSError

from . import path


# ---- stat results --------------------------------------------------------------

class stat_result(tuple):
    """What stat(), lstat() and fstat() return: a tuple of (mode, ino, dev, nlink, uid, gid, size, atime, mtime,
    ctime) whose attributes (st_mode, st_mtime …) also carry the float
    times, the nanosecond times and st_blksize, st_blocks, st_rdev."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3

    def __new__(cls, values):
        values = tuple(values)
        self = tuple.__new__(cls, values[:10])
        self._extra = values
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._extra[10])
    st_mtime = property(lambda self: self._extra[11])
    st_ctime = property(lambda self: self._extra[12])
    st_atime_ns = property(lambda self: self._extra[13])
    st_mtime_ns = property(lambda self: self._extra[14])
    st_ctime_ns = property(lambda self: self._extra[15])
    st_blksize = property(lambda self: self._extra[16])
    st_blocks = property(lambda self: self._extra[17])
    st_rdev = property(lambda self: self._extra[18])

    def __repr__(self):
        return ('os.stat_result(st_mode=%r, st_ino=%r, st_dev=%r, st_nlink=%r, st_uid=%r, '
                'st_gid=%r, st_size=%r, st_atime=%r, st_mtime=%r, st_ctime=%r)' % tuple(self))

    def __reduce__(self):
        return stat_result, (self._extra,)


def _stat_result(raw):
    mode, ino, dev, nlink, uid, gid, size, ans, mns, cns, blksize, blocks, rdev = raw
    return stat_result((mode, ino, dev, nlink, uid, gid, size,
                        ans // 1000000000, mns // 1000000000, cns // 1000000000,
                        ans / 1e9, mns / 1e9, cns / 1e9, ans, mns, cns, blksize, blocks, rdev))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """The stat_result of a path (or a file descriptor), following symbolic links."""
    return _stat_result(_posix.stat(path, follow_symlinks=follow_symlinks))


def lstat(path, *, dir_fd=None):
    """The stat_result of a path itself (a symbolic link is not followed)."""
    return _stat_result(_posix.lstat(path))


def fstat(fd):
    """The stat_result of an open file descriptor."""
    return _stat_result(_posix.stat(fd))


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    """Set the access and modified time of path: times=(atime, mtime) in
    seconds, ns=(atime_ns, mtime_ns), or now when neither is given."""
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError('utime: \'times\' must be either a tuple of two ints or None')
        ns = tuple(int(t * 1000000000) if isinstance(t, float) else t * 1000000000 for t in times)
    _utime_ns(path, ns)


class terminal_size(tuple):
    """The size of a terminal window: (columns, lines)."""

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return 'os.terminal_size(columns=%r, lines=%r)' % tuple(self)


def get_terminal_size(fd=1):
    """The size of the terminal on fd (stdout by default)."""
    return terminal_size(_get_terminal_size(fd))


class uname_result(tuple):
    def __new__(cls, values):
        return tuple.__new__(cls, values)

    sysname = property(lambda self: self[0])
    nodename = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    def __repr__(self):
        return ('posix.uname_result(sysname=%r, nodename=%r, release=%r, version=%r, '
                'machine=%r)' % tuple(self))


# glibc's numbers for the names confstr() knows.
confstr_names = {'CS_PATH': 0, 'CS_GNU_LIBC_VERSION': 2, 'CS_GNU_LIBPTHREAD_VERSION': 3}


def confstr(name):
    """A string-valued system configuration value, or None."""
    if isinstance(name, str):
        try:
            name = confstr_names[name]
        except KeyError:
            raise ValueError("unrecognized configuration name") from None
    return _confstr(name)


def uname():
    """The system's identification: sysname, nodename, release, version,
    machine."""
    return uname_result(_uname())


class times_result(tuple):
    def __new__(cls, values):
        return tuple.__new__(cls, values)

    user = property(lambda self: self[0])
    system = property(lambda self: self[1])
    children_user = property(lambda self: self[2])
    children_system = property(lambda self: self[3])
    elapsed = property(lambda self: self[4])

    def __repr__(self):
        return ('posix.times_result(user=%r, system=%r, children_user=%r, '
                'children_system=%r, elapsed=%r)' % tuple(self))


def times():
    """CPU times of this process and its children, and the elapsed time."""
    return times_result(_times())


# ---- paths ---------------------------------------------------------------------

def fspath(path):
    """A path as str or bytes: those as they are, else what the object's
    __fspath__() returns (TypeError for anything else)."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, "
                    "not {}".format(path_type.__name__, type(path_repr).__name__))


class PathLike(abc.ABC):
    """The interface of objects that stand for a path (__fspath__)."""

    @abc.abstractmethod
    def __fspath__(self):
        """The path as str or bytes."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented

    __class_getitem__ = classmethod(type(list[int]))


def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to the file system
    encoding (UTF-8, surrogateescape); bytes are returned unchanged."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) from the file
    system encoding; str is returned unchanged."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


# ---- directories ---------------------------------------------------------------

_DT_DIR, _DT_REG, _DT_LNK, _DT_UNKNOWN = 4, 8, 10, 0


class DirEntry:
    """A directory entry of scandir(): its name and path, and what it is
    (known from the directory listing where possible, else by stat)."""

    __slots__ = ('name', 'path', '_dtype', '_ino', '_stat', '_lstat')

    def __init__(self, dirpath, name, dtype, ino):
        self.name = name
        if isinstance(dirpath, bytes):
            self.path = dirpath + name if dirpath.endswith(b'/') else dirpath + b'/' + name
        else:
            self.path = dirpath + name if dirpath.endswith('/') else dirpath + '/' + name
        self._dtype = dtype
        self._ino = ino
        self._stat = None
        self._lstat = None

    def inode(self):
        return self._ino

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _type_bits(self, follow_symlinks):
        try:
            return st.S_IFMT(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        if self._dtype != _DT_UNKNOWN and not (follow_symlinks and self._dtype == _DT_LNK):
            return self._dtype == _DT_DIR
        return self._type_bits(follow_symlinks) == st.S_IFDIR

    def is_file(self, *, follow_symlinks=True):
        if self._dtype != _DT_UNKNOWN and not (follow_symlinks and self._dtype == _DT_LNK):
            return self._dtype == _DT_REG
        return self._type_bits(follow_symlinks) == st.S_IFREG

    def is_symlink(self):
        if self._dtype != _DT_UNKNOWN:
            return self._dtype == _DT_LNK
        return self._type_bits(False) == st.S_IFLNK

    def is_junction(self):
        return False

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    __class_getitem__ = classmethod(type(list[int]))


class _ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def close(self):
        self._it = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path='.'):
    """An iterator of DirEntry objects for the entries of directory path
    (in no particular order, without '.' and '..')."""
    if path is None:
        path = '.'
    p = fspath(path)
    return _ScandirIterator([DirEntry(p, n, t, i) for n, t, i in _scandir(path)])


def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False])

    Create a leaf directory and all missing intermediate ones. With
    exist_ok false, an existing leaf directory raises FileExistsError."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a leaf directory, then each parent directory that became
    empty (stopping silently at the first that cannot be removed)."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Rename old to new, creating the directories new needs and removing
    those of old that became empty."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: for each directory under top (top
    included) yields (dirpath, dirnames, filenames). Top-down, the caller
    may prune dirnames in place to skip subdirectories."""
    top = fspath(top)
    stack = [top]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            scandir_it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        with scandir_it:
            while True:
                try:
                    try:
                        entry = next(scandir_it)
                    except StopIteration:
                        break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            is_symlink = entry.is_symlink()
                        except OSError:
                            is_symlink = False
                        walk_into = not is_symlink
                    if walk_into:
                        walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def fwalk(top='.', topdown=True, onerror=None, *, follow_symlinks=False, dir_fd=None):
    """Like walk(), yielding (dirpath, dirnames, filenames, dirfd); the
    dirfd here is None (directory descriptors are not modelled)."""
    for dirpath, dirnames, filenames in walk(top, topdown, onerror, follow_symlinks):
        yield dirpath, dirnames, filenames, None


# ---- the environment -------------------------------------------------------------

class _Environ:
    """os.environ: the process environment as a mapping of str to str;
    changes are made in the process's environment too."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise TypeError('str expected, not %s' % type(key).__name__)
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not %s' % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not %s' % type(value).__name__)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str):
            raise TypeError('str expected, not %s' % type(key).__name__)
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def pop(self, key, *default):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        for key in self._data:
            value = self._data[key]
            del self[key]
            return key, value
        raise KeyError('popitem(): dictionary is empty')

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), /, **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def copy(self):
        return dict(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return self._data == other

    __hash__ = None

    def __repr__(self):
        return 'environ({%s})' % ', '.join('%r: %r' % item for item in self._data.items())

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self._data)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self._data)
        return new


environ = _Environ(_posix.environ)


def getenv(key, default=None):
    """The value of environment variable key, or default when it is unset."""
    return environ.get(key, default)


def getenvb(key, default=None):
    """The bytes value of an environment variable (or default)."""
    v = environ.get(fsdecode(key))
    return default if v is None else fsencode(v)


def get_exec_path(env=None):
    """The directories searched for a named executable ($PATH)."""
    if env is None:
        env = environ
    p = env.get('PATH')
    if p is None:
        p = defpath
    return p.split(pathsep)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import builtins
    return builtins.open(fd, mode, buffering, encoding, *args, **kwargs)


def get_blocking(fd):
    return True


# The ABC registrations CPython makes.
import _collections_abc
_collections_abc.MutableMapping.register(_Environ)
del _collections_abc
