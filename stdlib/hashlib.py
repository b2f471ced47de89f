# aithon: native
"""Secure hashes and message digests: md5, sha1, sha224, sha256, sha384,
sha512 (the digests run in C, runtime/modules/modhashlib.c) and new(name)."""

import _hashlib

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'new',
           'algorithms_guaranteed', 'algorithms_available', 'file_digest')

_SIZES = {'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64), 'sha256': (32, 64),
          'sha384': (48, 128), 'sha512': (64, 128)}

algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = frozenset(_SIZES)


class HASH:
    """A hash object: update(data) feeds it, digest()/hexdigest() read the
    digest of everything fed so far, copy() clones it."""

    __slots__ = ('_name', '_state')

    def __init__(self, name, data=b''):
        self._name = name
        self._state = _hashlib.new(name)
        if data:
            _hashlib.update(self._state, data)

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return _SIZES[self._name][0]

    @property
    def block_size(self):
        return _SIZES[self._name][1]

    def update(self, data):
        """Update this hash object's state with the provided bytes."""
        _hashlib.update(self._state, data)

    def digest(self):
        """Return the digest value as a bytes object."""
        return _hashlib.digest(self._state)

    def hexdigest(self):
        """Return the digest value as a string of hexadecimal digits."""
        return _hashlib.digest(self._state).hex()

    def copy(self):
        """Return a copy of the hash object."""
        h = HASH.__new__(HASH)
        h._name = self._name
        h._state = bytearray(self._state)
        return h

    def __repr__(self):
        return '<%s _hashlib.HASH object @ %#x>' % (self._name, id(self))


def _check(data):
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    return data


def new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named
    algorithm, optionally initialized with data (which must be a
    bytes-like object)."""
    if not isinstance(name, str):
        raise TypeError('new() argument \'name\' must be str, not %s' % type(name).__name__)
    key = name.lower().replace('-', '')
    if key not in _SIZES:
        raise ValueError('unsupported hash type ' + name)
    return HASH(key, _check(data))


def md5(string=b'', *, usedforsecurity=True):
    """Returns a md5 hash object; optionally initialized with a string"""
    return HASH('md5', _check(string))


def sha1(string=b'', *, usedforsecurity=True):
    """Returns a sha1 hash object; optionally initialized with a string"""
    return HASH('sha1', _check(string))


def sha224(string=b'', *, usedforsecurity=True):
    """Returns a sha224 hash object; optionally initialized with a string"""
    return HASH('sha224', _check(string))


def sha256(string=b'', *, usedforsecurity=True):
    """Returns a sha256 hash object; optionally initialized with a string"""
    return HASH('sha256', _check(string))


def sha384(string=b'', *, usedforsecurity=True):
    """Returns a sha384 hash object; optionally initialized with a string"""
    return HASH('sha384', _check(string))


def sha512(string=b'', *, usedforsecurity=True):
    """Returns a sha512 hash object; optionally initialized with a string"""
    return HASH('sha512', _check(string))


def file_digest(fileobj, digest, /, *, _bufsize=2 ** 18):
    """Hash the contents of a file-like object opened in binary mode."""
    if isinstance(digest, str):
        h = new(digest)
    else:
        h = digest()
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        h.update(chunk)
    return h
