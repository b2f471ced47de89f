"""The platform the program runs on: system/node/release/version/machine
(os.uname), uname() with processor, architecture(), libc_ver() (from
confstr, glibc only), platform(), freedesktop_os_release(), and the
python_* queries. The Python described is the language version Aithon
compiles (sys.version_info); python_implementation() says 'CPython',
whose semantics Aithon reproduces, so code that branches on it takes
CPython's path."""

import collections
import os
import sys

__all__ = ['architecture', 'machine', 'node', 'platform', 'processor', 'python_build',
           'python_compiler', 'python_implementation', 'python_version',
           'python_version_tuple', 'release', 'system', 'uname', 'version', 'libc_ver',
           'freedesktop_os_release', 'python_branch', 'python_revision']


class uname_result(collections.namedtuple("uname_result", "system node release version machine")):
    __slots__ = ()

    @property
    def processor(self):
        return processor()

    def __iter__(self):
        yield from tuple.__iter__(self)
        yield self.processor

    def __len__(self):
        return 6

    def __getitem__(self, key):
        return tuple(iter(self))[key]

    def __reduce__(self):
        return uname_result, tuple(self)[:5]


_uname_cache = None


def uname():
    global _uname_cache
    if _uname_cache is None:
        u = os.uname()
        _uname_cache = uname_result(u.sysname, u.nodename, u.release, u.version, u.machine)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    # CPython asks `uname -p`, which is '' on most Linux systems.
    return ''


def architecture(executable=sys.executable, bits='', linkage=''):
    if not bits:
        bits = '%dbit' % (sys.maxsize.bit_length() + 1)
    return bits, linkage or 'ELF'


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    try:
        ver = os.confstr('CS_GNU_LIBC_VERSION')
    except (ValueError, OSError):
        ver = None
    if ver:
        parts = ver.split()
        if len(parts) == 2:
            return parts[0], parts[1]
    return lib, version


def python_implementation():
    return 'CPython'


def python_version():
    v = sys.version_info
    return '%d.%d.%d' % (v[0], v[1], v[2])


def python_version_tuple():
    return tuple(python_version().split('.'))


def python_compiler():
    i = sys.version.rfind('[')
    return sys.version[i + 1:-1] if i >= 0 and sys.version.endswith(']') else ''


def python_build():
    return ('main', '')


def python_branch():
    return ''


def python_revision():
    return ''


def platform(aliased=False, terse=False):
    # On Linux CPython gives the same string whether terse or not.
    u = uname()
    lib, ver = libc_ver()
    s = '%s-%s-%s' % (u.system, u.release, u.machine)
    if lib:
        s += '-with-%s%s' % (lib, ver)
    return s


def freedesktop_os_release():
    for path in ('/etc/os-release', '/usr/lib/os-release'):
        try:
            with open(path, encoding='utf-8') as f:
                text = f.read()
        except OSError:
            continue
        info = {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith('#') or '=' not in line:
                continue
            key, _, value = line.partition('=')
            if not key.replace('_', '').isalnum():
                continue
            if len(value) >= 2 and value[0] == value[-1] and value[0] in '"\'':
                value = value[1:-1]
                for a, b in (('\\"', '"'), ("\\'", "'"), ('\\\\', '\\'), ('\\$', '$'), ('\\`', '`')):
                    value = value.replace(a, b)
            info[key] = value
        return info
    raise OSError(2, 'No such file or directory', '/etc/os-release')
