"""Extract, format and print exceptions and their tracebacks the way the
interpreter does: print_exc, format_exc, print_exception,
format_exception, format_exception_only, extract_tb, format_tb, print_tb,
format_list, TracebackException, StackSummary, FrameSummary.

A traceback here lists the frames the exception passed through, as the
runtime prints them for an uncaught exception (frames of the stdlib's
native modules are left out, as CPython leaves out C functions). The
current call stack is not available (compiled code keeps no frame
objects): extract_stack, format_stack and print_stack give no frames.
No carets (^^^^) are drawn under the failing expression."""

import sys
from _aithon import tb_entries as _tb_entries

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack', 'walk_tb']

_sentinel = object()
_RECURSIVE_CUTOFF = 3


class FrameSummary:
    """Information about a single frame from a traceback: filename,
    lineno, name, line (the source line, stripped)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno', 'name', '_line',
                 'locals', '_markers')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self._markers = None    # the ^~~ line under it (from the runtime)
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            return None
        return self._line.strip()


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """Create a StackSummary from (filename, lineno, name, line)
        tuples or FrameSummary objects."""
        result = klass()
        for item in frame_gen:
            if isinstance(item, FrameSummary):
                result.append(item)
            else:
                fs = FrameSummary(item[0], item[1], item[2], line=item[3] if len(item) > 3 else None)
                if len(item) > 4:
                    fs._markers = item[4]
                result.append(fs)
        return _limited(result, limit, klass)

    @classmethod
    def from_list(klass, a_list):
        """Create a StackSummary object from a supplied list of
        FrameSummary objects or old-style list of tuples."""
        result = klass()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """Format the lines for a single FrameSummary."""
        row = ['  File "{}", line {}, in {}\n'.format(frame_summary.filename,
                                                      frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            row.append('    {}\n'.format(frame_summary.line))
            markers = getattr(frame_summary, '_markers', None)
            if markers:
                row.append(markers)
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        """The lines for printing, one string per frame (a frame's source
        line included); runs of more than 3 identical frames collapse into
        a "[Previous line repeated N more times]" line."""
        result = []
        last = None
        count = 0
        for fs in self:
            key = (fs.filename, fs.lineno, fs.name)
            if last is None or key != last:
                if count > _RECURSIVE_CUTOFF:
                    result.append(_repeated(count - _RECURSIVE_CUTOFF))
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(fs))
        if count > _RECURSIVE_CUTOFF:
            result.append(_repeated(count - _RECURSIVE_CUTOFF))
        return result


def _repeated(n):
    return '  [Previous line repeated {} more time{}]\n'.format(n, 's' if n > 1 else '')


def _limited(summary, limit, klass=StackSummary):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return summary
    if limit >= 0:
        return klass(summary[:limit])
    return klass(summary[limit:])


def extract_tb(tb, limit=None):
    """Return a StackSummary of the frames of a traceback object (or of an
    exception's traceback)."""
    return StackSummary.extract(_tb_entries(tb), limit=limit)


def format_list(extracted_list):
    """Format a list of FrameSummary objects or (filename, lineno, name,
    line) tuples for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb() or
    extract_stack() as a formatted stack trace to the given file."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    """Print up to 'limit' stack trace entries from the traceback 'tb'."""
    print_list(extract_tb(tb, limit=limit), file=file)


def extract_stack(f=None, limit=None):
    """The current stack: not available to compiled code (empty)."""
    return StackSummary()


def format_stack(f=None, limit=None):
    """The current stack, formatted: not available (empty)."""
    return []


def print_stack(f=None, limit=None, file=None):
    """Print the current stack: not available (prints nothing)."""
    return None


def walk_stack(f):
    return iter(())


def walk_tb(tb):
    return iter(())


def clear_frames(tb):
    """Clear all references to local variables in the frames of a traceback."""
    return None


def _exc_args(exc, value, tb):
    # The new (exc) and old (type, value, tb) calling conventions.
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return type(exc), exc, exc.__traceback__
            raise TypeError('Exception expected for value, %s found' % type(exc).__name__)
        return None, None, None
    return exc, value, tb


def _some_str(value):
    try:
        return str(value)
    except BaseException:
        return '<exception str() failed>'


def _type_name(etype):
    qualname = getattr(etype, '__qualname__', etype.__name__)
    mod = getattr(etype, '__module__', None)
    if mod not in ('__main__', 'builtins', None):
        if not isinstance(mod, str):
            mod = '<unknown>'
        return mod + '.' + qualname
    return qualname


class TracebackException:
    """An exception ready for rendering: exc_type, stack (a StackSummary),
    __cause__, __context__ (TracebackExceptions), __suppress_context__,
    __notes__, and for SyntaxError filename, lineno, text, offset, msg."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.stack = StackSummary.extract(
            _tb_entries(exc_traceback if exc_traceback is not None else exc_value)
            if exc_value is not None or exc_traceback is not None else [], limit=limit)
        self.exc_type = exc_type
        self._str = _some_str(exc_value)
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception:
            self.__notes__ = None
        if exc_type and issubclass(exc_type, SyntaxError):
            # (a SyntaxError made by a program may lack the details)
            self.filename = getattr(exc_value, 'filename', None)
            lno = getattr(exc_value, 'lineno', None)
            self.lineno = str(lno) if lno is not None else None
            end_lno = getattr(exc_value, 'end_lineno', None)
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = getattr(exc_value, 'text', None)
            self.offset = getattr(exc_value, 'offset', None)
            self.end_offset = getattr(exc_value, 'end_offset', None)
            self.msg = getattr(exc_value, 'msg', None)
            if self.msg is None and getattr(exc_value, 'args', None):
                self.msg = exc_value.args[0]
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None \
            else False
        self.__cause__ = None
        self.__context__ = None
        if exc_value is not None:
            cause = exc_value.__cause__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__,
                                                    limit=limit, _seen=_seen)
            context = exc_value.__context__
            if context is not None and id(context) not in _seen and \
                    not (compact and (self.__cause__ is not None or
                                      self.__suppress_context__)):
                self.__context__ = TracebackException(type(context), context,
                                                      context.__traceback__, limit=limit,
                                                      _seen=_seen)
        self.exceptions = None

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Create a TracebackException from an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """The exception part of the traceback: "Type: message" (plus a
        SyntaxError's location and notes), one string per line."""
        if self.exc_type is None:
            yield 'NoneType: None\n'
            return
        stype = _type_name(self.exc_type)
        if not issubclass(self.exc_type, SyntaxError):
            yield '%s: %s\n' % (stype, self._str) if self._str else '%s\n' % stype
        else:
            yield from self._format_syntax_error(stype)
        if isinstance(self.__notes__, (list, tuple)):
            for note in self.__notes__:
                note = _some_str(note)
                for line in note.split('\n'):
                    yield line + '\n'
        elif self.__notes__ is not None:
            yield _some_str(self.__notes__) + '\n'

    def _format_syntax_error(self, stype):
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)
        text = self.text
        if text is not None:
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = ''.join(c if c.isspace() else ' ' for c in ltext[:colno])
                    yield '    {}{}\n'.format(caretspace, '^' * (end_colno - colno))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        """The whole report, one string per line or frame: the chained
        exceptions first, as the interpreter prints them."""
        output = []
        exc = self
        if chain:
            while exc is not None:
                if exc.__cause__ is not None:
                    chained_msg = ('\nThe above exception was the direct cause of the '
                                   'following exception:\n\n')
                    chained_exc = exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg = ('\nDuring handling of the above exception, another '
                                   'exception occurred:\n\n')
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield msg
            if exc.stack:
                yield 'Traceback (most recent call last):\n'
                yield from exc.stack.format()
            yield from exc.format_exception_only()

    def print(self, *, file=None, chain=True):
        """Print the result of self.format(chain=chain) to 'file'."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")


def format_exception_only(exc, /, value=_sentinel):
    """Format the exception part of a traceback: a list of strings, each
    ending in a newline (usually just one, "Type: message")."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """Format a stack trace and the exception information: a list of
    strings, each ending in a newline, which printed give the same text
    as print_exception()."""
    etype, value, tb = _exc_args(exc, value, tb)
    te = TracebackException(type(value) if value is not None else etype, value, tb,
                            limit=limit, compact=True)
    return list(te.format(chain=chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to
    'file' (default sys.stderr)."""
    etype, value, tb = _exc_args(exc, value, tb)
    if file is None:
        file = sys.stderr
    te = TracebackException(type(value) if value is not None else etype, value, tb,
                            limit=limit, compact=True)
    for line in te.format(chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(sys.exception(), limit, file, chain)'."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """This is a shorthand for 'print_exception(sys.last_type,
    sys.last_value, sys.last_traceback, limit, file)'."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit, file, chain)
