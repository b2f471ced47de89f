# aithon: native
"""Streams: in-memory text and binary files (StringIO, BytesIO), the base
classes, and open() (the builtin)."""

import sys as _sys

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE", "text_encoding"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = open
BlockingIOError = BlockingIOError
_NATIVE_TEXT = (type(_sys.stdout), type(open))     # replaced below by the file type too


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


def open_code(path):
    return open(path, 'rb')


def text_encoding(encoding, stacklevel=2):
    return 'locale' if encoding is None else encoding


class IOBase:
    """The base of every stream: closing, context management, iteration
    over lines."""

    _closed = False

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_closed()
        return False

    def flush(self):
        self._check_closed()

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        n = 0
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class _TextWrapperType(type):
    """isinstance(f, TextIOWrapper) and isinstance(f, TextIOBase) hold
    for the runtime's own text streams (sys.stdout, open() in text mode)
    too."""

    def __instancecheck__(cls, obj):
        return type(obj) in _NATIVE_TEXT or issubclass(type(obj), cls)


class TextIOBase(IOBase, metaclass=_TextWrapperType):
    pass


FileIO = RawIOBase
BufferedReader = BufferedWriter = BufferedRWPair = BufferedRandom = BufferedIOBase


class _MemoryFile(IOBase):
    """What StringIO and BytesIO share: a buffer, a position, and pieces
    written at the end that are joined only when something reads them."""

    def _flat(self):
        if self._pieces:
            self._buf = self._empty.join([self._buf] + self._pieces)
            self._pieces = []
        return self._buf

    def _size(self):
        return self._len

    def getvalue(self):
        self._check_closed()
        return self._flat()

    def read(self, size=-1):
        self._check_closed()
        buf = self._flat()
        if size is None or size < 0:
            size = self._len
        start = self._pos
        if start >= self._len:
            return self._empty
        end = min(start + size, self._len)
        self._pos = end
        return buf[start:end]

    def readline(self, size=-1):
        self._check_closed()
        buf = self._flat()
        start = self._pos
        if start >= self._len:
            return self._empty
        end = buf.find(self._nl, start)
        end = self._len if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return buf[start:end]

    def write(self, s):
        self._check_closed()
        s = self._coerce(s)
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        if pos == self._len:
            self._pieces.append(s)
        else:
            buf = self._flat()
            if pos > self._len:
                buf = buf + self._pad * (pos - self._len)
            self._buf = buf[:pos] + s + buf[pos + n:]
        self._pos = pos + n
        if self._pos > self._len:
            self._len = self._pos
        return n

    def tell(self):
        self._check_closed()
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('negative size value %d' % size)
        if size < self._len:
            self._buf = self._flat()[:size]
            self._len = size
        return size

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def close(self):
        self._closed = True


class StringIO(_MemoryFile, TextIOBase):
    """A text stream kept in memory (getvalue() returns all of it)."""

    _empty = ''
    _nl = '\n'
    _pad = '\0'

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')   # no full stop, unlike BytesIO's

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError('newline must be str or None, not %s' % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s' % type(initial_value).__name__)
        self._newline = newline
        self._buf = ''
        self._pieces = []
        self._len = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _coerce(self, s):
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % (type(s).__name__,))
        nl = self._newline
        if nl is None:
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif nl not in ('', '\n'):
            s = s.replace('\n', nl)
        return s

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._len
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def detach(self):
        raise UnsupportedOperation('detach')

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)


class BytesIO(_MemoryFile, BufferedIOBase):
    """A binary stream kept in memory (getvalue() returns all of it)."""

    _empty = b''
    _nl = b'\n'
    _pad = b'\0'

    def __init__(self, initial_bytes=b''):
        self._buf = b''
        self._pieces = []
        self._len = 0
        self._pos = 0
        if initial_bytes:
            self.write(initial_bytes)
            self._pos = 0

    def _coerce(self, s):
        if isinstance(s, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return bytes(s)

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._len + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def getbuffer(self):
        return bytearray(self.getvalue())

    def __repr__(self):
        return '<_io.BytesIO object at 0x%x>' % id(self)


class TextIOWrapper(TextIOBase):
    """A text stream over a binary one (BytesIO, a file opened 'rb'):
    encodes what is written (newlines translated as newline= says) and
    decodes what is read, with universal newlines by default. The text
    to read is decoded from all of the buffer's remaining bytes at the
    first read (so reading from a pipe waits for its end); seek() only
    rewinds to 0. The default encoding is UTF-8 (no locale)."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if encoding is not None and not isinstance(encoding, str):
            raise TypeError('TextIOWrapper() argument \'encoding\' must be str or None, not %s'
                            % type(encoding).__name__)
        if errors is not None and not isinstance(errors, str):
            raise TypeError('TextIOWrapper() argument \'errors\' must be str or None, not %s'
                            % type(errors).__name__)
        if newline is not None and not isinstance(newline, str):
            raise TypeError('TextIOWrapper() argument \'newline\' must be str or None, not %s'
                            % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %s' % newline)
        if encoding is not None:
            'x'.encode(encoding)        # LookupError: unknown encoding: …
        self._buffer = buffer
        self._encoding = 'utf-8' if encoding is None else encoding
        self._errors = 'strict' if errors is None else errors
        self._newline = newline
        self.line_buffering = line_buffering
        self.write_through = write_through
        self._text = None       # decoded text not yet read, or None before the first read
        self._pos = 0

    @property
    def buffer(self):
        if self._buffer is None:
            raise ValueError('underlying buffer has been detached')
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def newlines(self):
        return None

    @property
    def name(self):
        return self.buffer.name

    @property
    def closed(self):
        return self.buffer.closed

    def _check_closed(self):
        if self.buffer.closed:
            raise ValueError('I/O operation on closed file.')

    def __repr__(self):
        try:
            name = self._buffer.name
        except Exception:
            return "<_io.TextIOWrapper encoding='%s'>" % self._encoding
        return "<_io.TextIOWrapper name=%r encoding='%s'>" % (name, self._encoding)

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        text = s
        if self._newline in ('\r', '\r\n'):
            text = s.replace('\n', self._newline)
        self.buffer.write(text.encode(self._encoding, self._errors))
        if self.line_buffering and ('\n' in s or '\r' in s):
            self.flush()
        return len(s)

    def flush(self):
        self._check_closed()
        f = getattr(self.buffer, 'flush', None)
        if f is not None:
            f()

    def close(self):
        if self._buffer is not None and not self._buffer.closed:
            try:
                self.flush()
            finally:
                self._buffer.close()

    def detach(self):
        self.flush()
        b = self._buffer
        self._buffer = None
        return b

    def _load(self):
        self._check_closed()
        if self._text is None:
            text = self.buffer.read().decode(self._encoding, self._errors)
            if self._newline is None:
                text = text.replace('\r\n', '\n').replace('\r', '\n')
            self._text = text
            self._pos = 0
        return self._text

    def read(self, size=-1):
        text = self._load()
        if size is None or size < 0:
            r = text[self._pos:]
        else:
            r = text[self._pos:self._pos + size]
        self._pos += len(r)
        return r

    def readline(self, size=-1):
        text = self._load()
        start = self._pos
        if self._newline == '':
            end = len(text)
            i = start
            while i < len(text):
                c = text[i]
                if c == '\n':
                    end = i + 1
                    break
                if c == '\r':
                    end = i + 2 if text.startswith('\n', i + 1) else i + 1
                    break
                i += 1
        else:
            sep = '\n' if self._newline is None else self._newline
            i = text.find(sep, start)
            end = len(text) if i < 0 else i + len(sep)
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return text[start:end]

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __iter__(self):
        self._check_closed()
        return self

    def seek(self, offset, whence=0):
        self._check_closed()
        if offset != 0 or whence not in (0, 2):
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        self.flush()
        self._text = None
        return self.buffer.seek(0, whence)

    def tell(self):
        self._check_closed()
        if self._text is None:
            return self.buffer.tell()
        return len(self._text[:self._pos].encode(self._encoding, self._errors))


TextIOWrapper.__module__ = '_io'
with open('/dev/null') as _f:
    _NATIVE_TEXT = (type(_sys.stdout), type(_f))
del _f

# CPython writes these classes in C: its messages name them by their C type names.
from _aithon import c_type_name as _c_type_name
_c_type_name(StringIO, "_io.StringIO")
_c_type_name(BytesIO, "_io.BytesIO")
