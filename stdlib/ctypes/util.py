"""ctypes.util: find_library(name) as CPython does it on Linux.

CPython runs `/sbin/ldconfig -p` and takes the first soname matching
`lib<name>.` for this machine's ABI ("libc6,x86-64"); this reads the
same table from /etc/ld.so.cache, the file ldconfig -p prints, in the
same order. Without a cache, the standard library directories (and
LD_LIBRARY_PATH) are searched for lib<name>.so.N, where CPython would ask
gcc and ld.
"""

import os

# The ld.so.cache flags ldconfig -p prints as "libc6,x86-64", "libc6,AArch64"…
_FLAG_ELF_LIBC6 = 0x0003
_MACHINE_FLAGS = {
    'x86_64': 0x0300,
    'aarch64': 0x0a00,
    'ppc64le': 0x0500,
    'ppc64': 0x0500,
    's390x': 0x0400,
    'sparc64': 0x0100,
    'riscv64': 0x1000,
}


def _u32(b, i):
    return int.from_bytes(b[i:i + 4], 'little')


def _cstr(b, i):
    j = b.find(b'\0', i)
    return b[i:j] if j >= 0 else b[i:]


def _cache_entries(path='/etc/ld.so.cache'):
    """(soname, flags) of every entry of the ld.so cache, in its order."""
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError:
        return []
    new_magic = b'glibc-ld.so.cache1.1'
    start = 0
    if data.startswith(b'ld.so-1.7.0'):
        nold = _u32(data, 12)
        start = 16 + nold * 12
        start = (start + 7) // 8 * 8
    if data[start:start + len(new_magic)] != new_magic:
        return []
    n = _u32(data, start + 20)
    out = []
    for k in range(n):
        e = start + 48 + 24 * k
        if e + 24 > len(data):
            break
        flags = _u32(data, e)
        key = _u32(data, e + 4)
        out.append((_cstr(data, start + key).decode('utf-8', 'surrogateescape'), flags))
    return out


def _machine():
    try:
        return os.uname().machine
    except AttributeError:
        return ''


def _findSoname_ldconfig(name):
    required = _MACHINE_FLAGS.get(_machine())
    prefix = 'lib%s.' % name
    for soname, flags in _cache_entries():
        if not soname.startswith(prefix):
            continue
        if flags & 0xff != _FLAG_ELF_LIBC6:
            continue
        if required is not None and flags & 0xff00 != required:
            continue
        if required is None and flags & 0xff00:
            continue
        return soname
    return None


def _findLib_dirs(name):
    dirs = [d for d in os.environ.get('LD_LIBRARY_PATH', '').split(':') if d]
    m = _machine()
    triplet = {'x86_64': 'x86_64-linux-gnu', 'aarch64': 'aarch64-linux-gnu'}.get(m)
    for base in ('/lib', '/usr/lib', '/usr/local/lib'):
        if triplet:
            dirs.append(base + '/' + triplet)
        dirs.append(base + '64')
        dirs.append(base)
    prefix = 'lib%s.so.' % name
    for d in dirs:
        try:
            names = sorted(os.listdir(d))
        except OSError:
            continue
        for n in names:
            if n.startswith(prefix) and n[len(prefix):].replace('.', '').isdigit():
                return n
    return None


def find_library(name):
    """Find the soname of library `name` ("c" → "libc.so.6"), or None."""
    return _findSoname_ldconfig(name) or _findLib_dirs(name)


def test():
    print(find_library("m"))
    print(find_library("c"))
    print(find_library("bz2"))
