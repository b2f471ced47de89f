"""Codec registry helpers: the byte order marks, encode()/decode() and
open() with an encoding, lookup() of the codecs the runtime has (UTF-8,
ASCII, Latin-1)."""

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE", "BOM_LE", "BOM32_BE",
           "BOM32_LE", "BOM64_BE", "BOM64_LE", "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE",
           "BOM_UTF16_BE", "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE", "CodecInfo",
           "encode", "decode", "getencoder", "getdecoder", "strict_errors", "ignore_errors",
           "replace_errors", "backslashreplace_errors", "register_error", "lookup_error"]

import sys

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE

_NAMES = {'utf8': 'utf-8', 'utf-8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8',
          'ascii': 'ascii', 'us-ascii': 'ascii', 'latin-1': 'iso8859-1', 'latin1': 'iso8859-1',
          'iso-8859-1': 'iso8859-1', 'iso8859-1': 'iso8859-1', 'l1': 'iso8859-1',
          'utf-8-sig': 'utf-8-sig', 'utf8-sig': 'utf-8-sig'}


class CodecInfo(tuple):
    """A codec's name and functions: (encode, decode, reader, writer)."""

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


def _normalize(encoding):
    return encoding.lower().replace('_', '-').strip()


def lookup(encoding):
    """The CodecInfo of an encoding (LookupError when there is none)."""
    name = _NAMES.get(_normalize(encoding))
    if name is None:
        raise LookupError('unknown encoding: %s' % encoding)

    def enc(input, errors='strict'):
        out = input.encode(name if name != 'utf-8-sig' else 'utf-8', errors)
        if name == 'utf-8-sig':
            out = BOM_UTF8 + out
        return out, len(input)

    def dec(input, errors='strict'):
        data = bytes(input)
        if name == 'utf-8-sig' and data.startswith(BOM_UTF8):
            data = data[3:]
        return data.decode(name if name != 'utf-8-sig' else 'utf-8', errors), len(input)
    return CodecInfo(enc, dec, name=name)


def encode(obj, encoding='utf-8', errors='strict'):
    """obj encoded with the codec."""
    return lookup(encoding).encode(obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """obj decoded with the codec."""
    return lookup(encoding).decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def register(search_function):
    pass


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """open() of the file (text mode when an encoding is given)."""
    import builtins
    if encoding is not None and 'b' not in mode:
        return builtins.open(filename, mode, buffering, encoding, errors)
    return builtins.open(filename, mode, buffering)


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    return file


_error_handlers = {}


def register_error(name, error_handler):
    _error_handlers[name] = error_handler


def lookup_error(name):
    if name in _error_handlers:
        return _error_handlers[name]
    handlers = {'strict': strict_errors, 'ignore': ignore_errors, 'replace': replace_errors,
                'backslashreplace': backslashreplace_errors}
    if name in handlers:
        return handlers[name]
    raise LookupError('unknown error handler name %r' % name)


def strict_errors(exception):
    raise exception


def ignore_errors(exception):
    return ('', exception.end)


def replace_errors(exception):
    return ('\ufffd', exception.end)


def backslashreplace_errors(exception):
    return ('\\x%02x' % exception.object[exception.start], exception.start + 1)
