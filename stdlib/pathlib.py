"""Object-oriented filesystem paths: PurePath/PurePosixPath (path
arithmetic only) and Path/PosixPath (with file and directory
operations). POSIX paths only: PureWindowsPath and WindowsPath are not
provided."""

import os
import fnmatch
import stat as _stat

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _parse(parts):
    # (root, [names]) of the joined arguments: '' or '/' or '//' as root,
    # empty and '.' components dropped.
    root = ''
    names = []
    for part in parts:
        if not part:
            continue
        if part.startswith('/'):
            names = []
            if part.startswith('//') and not part.startswith('///'):
                root = '//'
            else:
                root = '/'
        for name in part.split('/'):
            if name and name != '.':
                names.append(name)
    return root, names


class PurePath:
    """A path without I/O: PurePath('a', 'b') is PurePosixPath('a/b')."""

    __slots__ = ('_root', '_names', '_str', '_hash')

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parts(args)

    @classmethod
    def _from_parts(cls, args):
        parts = []
        for a in args:
            if isinstance(a, PurePath):
                parts.append(str(a))
                continue
            a = os.fspath(a)
            if not isinstance(a, str):
                raise TypeError("argument should be a str object or an os.PathLike object "
                                "returning str, not %r" % type(a))
            parts.append(a)
        self = object.__new__(cls)
        self._root, self._names = _parse(parts)
        self._str = None
        self._hash = None
        return self

    def _make(self, root, names):
        p = object.__new__(type(self))
        p._root = root
        p._names = names
        p._str = None
        p._hash = None
        return p

    def __str__(self):
        if self._str is None:
            s = self._root + '/'.join(self._names)
            self._str = s or '.'
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        """Return the string representation of the path with forward (/) slashes."""
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        """Return the path as a 'file' URI."""
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        safe = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/'
        return 'file://' + ''.join(chr(b) if b in safe else '%%%02X' % b
                                   for b in os.fsencode(str(self)))

    def _key(self):
        return (self._root, self._names)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) == str(other)

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(str(self))
        return self._hash

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cmpparts() < other._cmpparts()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cmpparts() <= other._cmpparts()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cmpparts() > other._cmpparts()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cmpparts() >= other._cmpparts()

    def _cmpparts(self):
        return ([self._root] if self._root else []) + self._names

    @property
    def drive(self):
        """The drive prefix (always '' on POSIX)."""
        return ''

    @property
    def root(self):
        """The root of the path, if any."""
        return self._root

    @property
    def anchor(self):
        """The concatenation of the drive and root, or ''."""
        return self._root

    @property
    def parts(self):
        """An object providing sequence-like access to the components in
        the filesystem path."""
        return tuple(([self._root] if self._root else []) + self._names)

    @property
    def name(self):
        """The final path component, if any."""
        return self._names[-1] if self._names else ''

    @property
    def suffix(self):
        """The final component's last suffix, if any."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        """A list of the final component's suffixes, if any."""
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        """The final path component, minus its last suffix."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        """Return a new path with the file name changed."""
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError("Invalid name %r" % (name,))
        return self._make(self._root, self._names[:-1] + [name])

    def with_stem(self, stem):
        """Return a new path with the stem changed."""
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        """Return a new path with the file suffix changed (or added)."""
        if '/' in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        if not old:
            name = name + suffix
        else:
            name = name[:-len(old)] + suffix
        return self._make(self._root, self._names[:-1] + [name])

    def relative_to(self, *other):
        """Return the relative path to another path identified by the passed
        arguments."""
        if not other:
            raise TypeError("need at least one argument")
        o = type(self)._from_parts(other)
        n = len(o._names)
        if o._root != self._root or self._names[:n] != o._names:
            formatted = str(o)
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and "
                             "the other is absolute.".format(str(self), formatted))
        return self._make('', self._names[n:])

    def is_relative_to(self, *other):
        """Return True if the path is relative to another path or False."""
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def joinpath(self, *args):
        """Combine this path with one or several arguments."""
        return type(self)._from_parts((str(self),) + args)

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_parts((key, str(self)))
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        """The logical parent of the path."""
        if not self._names:
            return self
        return self._make(self._root, self._names[:-1])

    @property
    def parents(self):
        """A sequence of this path's logical parents."""
        return _Parents(self)

    def is_absolute(self):
        """True if the path is absolute."""
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        """Return True if this path matches the given pattern."""
        pat = type(self)._from_parts((path_pattern,))
        if not pat._names and not pat._root:
            raise ValueError("empty pattern")
        if pat._root:
            if pat._root != self._root or len(pat._names) != len(self._names):
                return False
        elif len(pat._names) > len(self._names):
            return False
        for part, p in zip(reversed(self._names), reversed(pat._names)):
            if not fnmatch.fnmatchcase(part, p):
                return False
        return True

    def __reduce__(self):
        return (self.__class__, tuple(self.parts))


class _Parents:
    __slots__ = ('_path',)

    def __init__(self, path):
        self._path = path

    def __len__(self):
        return len(self._path._names)

    def __getitem__(self, idx):
        n = len(self)
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(n)))
        if idx >= n or idx < -n:
            raise IndexError(idx)
        if idx < 0:
            idx += n
        p = self._path
        return p._make(p._root, p._names[:n - idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePosixPath(PurePath):
    """PurePath subclass for non-Windows systems."""
    __slots__ = ()


os.PathLike.register(PurePath)


class Path(PurePath):
    """PurePath subclass that can make system calls: Path('a') is a
    PosixPath."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parts(args)

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        """Return a new path pointing to the current working directory."""
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        """Return a new path pointing to the user's home directory."""
        return cls(os.path.expanduser('~'))

    def samefile(self, other_path):
        """Return whether other_path is the same or not as this file."""
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = type(self)(other_path).stat()
        return st.st_ino == other_st.st_ino and st.st_dev == other_st.st_dev

    def iterdir(self):
        """Yield path objects of the directory contents."""
        for name in os.listdir(self):
            yield self._make(self._root, self._names + [name])

    def _child(self, name):
        return self._make(self._root, self._names + [name])

    def glob(self, pattern):
        """Iterate over this subtree and yield all existing files (of any
        kind, including directories) matching the given relative pattern."""
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = list(pat._names)
        if pattern.endswith('/'):
            parts.append('')
        return self._select(self, parts)

    def rglob(self, pattern):
        """Recursively yield all existing files (of any kind, including
        directories) matching the given relative pattern, anywhere in
        this subtree."""
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = ['**'] + list(pat._names)
        return self._select(self, parts)

    def _select(self, base, parts):
        if not parts:
            yield base
            return
        first = parts[0]
        rest = parts[1:]
        if first == '':
            if base.is_dir():
                yield base
            return
        if first == '**':
            seen = set()
            for d in base._walk_dirs():
                for p in self._select(d, rest):
                    s = str(p)
                    if s not in seen:
                        seen.add(s)
                        yield p
            return
        if not any(c in first for c in '*?['):
            child = base._child(first)
            if rest:
                if child.is_dir():
                    yield from self._select(child, rest)
            elif child.exists() or child.is_symlink():
                yield child
            return
        try:
            names = os.listdir(base)
        except OSError:
            return
        for name in names:
            if fnmatch.fnmatchcase(name, first):
                child = base._child(name)
                if rest:
                    if child.is_dir():
                        yield from self._select(child, rest)
                else:
                    yield child

    def _walk_dirs(self):
        yield self
        try:
            names = os.listdir(self)
        except OSError:
            return
        for name in names:
            child = self._child(name)
            if child.is_dir() and not child.is_symlink():
                yield from child._walk_dirs()

    def absolute(self):
        """Return an absolute version of this path (no normalisation)."""
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), str(self)) if self._names else type(self)(os.getcwd())

    def resolve(self, strict=False):
        """Make the path absolute, resolving all symlinks on the way and also
        normalizing it."""
        s = os.path.realpath(self, strict=strict)
        return type(self)(s)

    def stat(self, *, follow_symlinks=True):
        """Return the result of the stat() system call on this path."""
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        """Like stat(), except a symbolic link's own status is returned."""
        return os.lstat(self)

    def owner(self):
        raise NotImplementedError("Path.owner() is unsupported on this system")

    def group(self):
        raise NotImplementedError("Path.group() is unsupported on this system")

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        """Open the file pointed by this path and return a file object, as
        the built-in open() function does."""
        if 'b' in mode:
            return open(str(self), mode, buffering)
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        """Open the file in bytes mode, read it, and close the file."""
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        """Open the file in text mode, read it, and close the file."""
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        """Open the file in bytes mode, write to it, and close the file."""
        view = bytes(data)
        with self.open(mode='wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        """Open the file in text mode, write to it, and close the file."""
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def readlink(self):
        """Return the path to which the symbolic link points."""
        return type(self)(os.readlink(self))

    def touch(self, mode=0o666, exist_ok=True):
        """Create this file with the given access mode, if it doesn't exist."""
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Create a new directory at this given path."""
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        """Change the permissions of the path, like os.chmod()."""
        os.chmod(self, mode)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        """Remove this file or link."""
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        """Remove this directory.  The directory must be empty."""
        os.rmdir(self)

    def rename(self, target):
        """Rename this path to the target path; return the new path."""
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        """Rename this path to the target path, overwriting if that path exists."""
        os.replace(self, target)
        return type(self)(target)

    def symlink_to(self, target, target_is_directory=False):
        """Make this path a symlink pointing to the target path."""
        os.symlink(target, self)

    def hardlink_to(self, target):
        """Make this path a hard link pointing to the same file as *target*."""
        os.link(target, self)

    def exists(self):
        """Whether this path exists."""
        try:
            self.stat()
        except (OSError, ValueError):
            return False
        return True

    def _mode(self, follow=True):
        try:
            return (self.stat() if follow else self.lstat()).st_mode
        except (OSError, ValueError):
            return None

    def is_dir(self):
        """Whether this path is a directory."""
        m = self._mode()
        return m is not None and _stat.S_ISDIR(m)

    def is_file(self):
        """Whether this path is a regular file (also True for symlinks
        pointing to regular files)."""
        m = self._mode()
        return m is not None and _stat.S_ISREG(m)

    def is_mount(self):
        """Check if this path is a POSIX mount point"""
        return os.path.ismount(self)

    def is_symlink(self):
        """Whether this path is a symbolic link."""
        m = self._mode(False)
        return m is not None and _stat.S_ISLNK(m)

    def is_block_device(self):
        m = self._mode()
        return m is not None and _stat.S_ISBLK(m)

    def is_char_device(self):
        m = self._mode()
        return m is not None and _stat.S_ISCHR(m)

    def is_fifo(self):
        m = self._mode()
        return m is not None and _stat.S_ISFIFO(m)

    def is_socket(self):
        m = self._mode()
        return m is not None and _stat.S_ISSOCK(m)

    def expanduser(self):
        """Return a new path with expanded ~ and ~user constructs."""
        if self._names and self._names[0][:1] == '~' and not self._root:
            homedir = os.path.expanduser(self._names[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return type(self)(homedir, *self._names[1:])
        return self


class PosixPath(Path, PurePosixPath):
    """Path subclass for non-Windows systems."""
    __slots__ = ()
