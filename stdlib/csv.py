"""CSV file reading and writing: reader, writer, DictReader, DictWriter,
dialects (excel, excel-tab, unix) and the QUOTE_* constants, with
CPython's parsing rules and csv.Error messages."""

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error",
           "Dialect", "excel", "excel_tab", "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects", "Sniffer", "unregister_dialect",
           "DictReader", "DictWriter", "unix_dialect"]

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)
__version__ = "1.0"


class Error(Exception):
    pass


Error.__module__ = '_csv'

_field_limit = 128 * 1024


def field_size_limit(*args):
    """Sets an upper limit on parsed fields (returns the old limit)."""
    global _field_limit
    if len(args) > 1:
        raise TypeError('field_size_limit expected at most 1 argument, got %d' % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError('limit must be an integer')
        _field_limit = args[0]
    return old


class Dialect:
    """Describe a CSV dialect (subclass and set the attributes)."""
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        _Params(self, {})


class excel(Dialect):
    """Describe the usual properties of Excel-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    """Describe the usual properties of Excel-generated TAB-delimited files."""
    delimiter = '\t'


class unix_dialect(Dialect):
    """Describe the usual properties of Unix-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


_dialects = {'excel': excel, 'excel-tab': excel_tab, 'unix': unix_dialect}


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[name] = _Params(dialect if dialect is not None else excel, fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error('unknown dialect')
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    return list(_dialects)


def _char_param(name, value, default, allow_none):
    if value is None:
        if allow_none:
            return None
        value = default
    if not isinstance(value, str):
        raise TypeError('"%s" must be string or None, not %s' % (name, type(value).__name__)
                        if allow_none else
                        '"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Params:
    """A dialect's settings, checked (what a reader or writer uses)."""

    def __init__(self, dialect, kw):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)

        def pick(name, default):
            if name in kw:
                return kw[name]
            return getattr(dialect, name, default) if dialect is not None else default

        for k in kw:
            if k not in ('delimiter', 'quotechar', 'escapechar', 'doublequote',
                         'skipinitialspace', 'lineterminator', 'quoting', 'strict'):
                raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        delimiter = pick('delimiter', ',')
        if delimiter is None:
            delimiter = ','
        self.delimiter = _char_param('delimiter', delimiter, ',', False)
        quoting = pick('quoting', QUOTE_MINIMAL)
        if quoting is None:
            quoting = QUOTE_MINIMAL
        if not isinstance(quoting, int) or quoting not in (0, 1, 2, 3):
            raise TypeError('bad "quoting" value')
        self.quoting = quoting
        qc = pick('quotechar', '"')
        if qc is None and quoting != QUOTE_NONE and 'quotechar' in kw:
            raise TypeError('quotechar must be set if quoting enabled')
        self.quotechar = _char_param('quotechar', qc, '"', True) if qc is not None else \
            (None if quoting == QUOTE_NONE or 'quotechar' in kw else '"')
        self.escapechar = _char_param('escapechar', pick('escapechar', None), None, True)
        dq = pick('doublequote', True)
        self.doublequote = True if dq is None else bool(dq)
        sis = pick('skipinitialspace', False)
        self.skipinitialspace = bool(sis) if sis is not None else False
        lt = pick('lineterminator', '\r\n')
        if lt is None:
            lt = '\r\n'
        if not isinstance(lt, str):
            raise TypeError('"lineterminator" must be a string')
        self.lineterminator = lt
        st = pick('strict', False)
        self.strict = bool(st) if st is not None else False


class _Reader:
    def __init__(self, f, params):
        self._it = iter(f)
        self.dialect = params
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        delim = d.delimiter
        qc = d.quotechar
        esc = d.escapechar
        quoting = d.quoting
        fields = []
        field = []
        quoted_field = False
        # states: 0 start of record, 1 start of field, 2 in field,
        # 3 in quoted field, 4 quote in quoted field, 5 escape, 6 escape in quoted
        state = 0
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if state in (3, 6) and d.strict:
                    raise Error('unexpected end of data')
                if field or state in (2, 3, 4, 5, 6):
                    fields.append(self._finish(field, quoted_field))
                    return fields
                if fields:
                    fields.append(self._finish(field, quoted_field))
                    return fields
                raise
            if not isinstance(line, str):
                raise Error('iterator should return strings, not %s (the file should be '
                            'opened in text mode)' % type(line).__name__)
            self.line_num += 1
            i = 0
            n = len(line)
            while i < n:
                c = line[i]
                i += 1
                if state == 0 or state == 1:
                    if state == 0 and c in '\r\n':
                        # an empty line
                        if c == '\r' and i < n and line[i] == '\n':
                            i += 1
                        if i < n:
                            raise Error("new-line character seen in unquoted field - do you "
                                        "need to open the file with newline=''?")
                        return []
                    if c == qc and quoting != QUOTE_NONE:
                        quoted_field = True
                        state = 3
                    elif c == esc:
                        state = 5
                    elif c == ' ' and d.skipinitialspace:
                        state = 1
                    elif c == delim:
                        fields.append(self._finish(field, quoted_field))
                        field = []
                        quoted_field = False
                        state = 1
                    elif c in '\r\n':
                        fields.append(self._finish(field, quoted_field))
                        self._check_eol(line, i, c)
                        return fields
                    else:
                        field.append(c)
                        state = 2
                elif state == 2:
                    if c == delim:
                        fields.append(self._finish(field, quoted_field))
                        field = []
                        quoted_field = False
                        state = 1
                    elif c in '\r\n':
                        fields.append(self._finish(field, quoted_field))
                        self._check_eol(line, i, c)
                        return fields
                    elif c == esc:
                        state = 5
                    else:
                        field.append(c)
                elif state == 3:
                    if c == esc:
                        state = 6
                    elif c == qc:
                        state = 4 if d.doublequote else 7
                    else:
                        field.append(c)
                elif state == 4:
                    # a quote inside a quoted field: doubled, or the end
                    if c == qc:
                        field.append(c)
                        state = 3
                    elif c == delim:
                        fields.append(self._finish(field, quoted_field))
                        field = []
                        quoted_field = False
                        state = 1
                    elif c in '\r\n':
                        fields.append(self._finish(field, quoted_field))
                        self._check_eol(line, i, c)
                        return fields
                    elif not d.strict:
                        field.append(c)
                        state = 2
                    else:
                        raise Error("'%s' expected after '%s'" % (delim, qc))
                elif state == 7:
                    # after the closing quote (doublequote off)
                    if c == delim:
                        fields.append(self._finish(field, quoted_field))
                        field = []
                        quoted_field = False
                        state = 1
                    elif c in '\r\n':
                        fields.append(self._finish(field, quoted_field))
                        self._check_eol(line, i, c)
                        return fields
                    elif not d.strict:
                        field.append(c)
                        state = 2
                    else:
                        raise Error("'%s' expected after '%s'" % (delim, qc))
                elif state == 5:
                    field.append(c)
                    state = 2
                elif state == 6:
                    field.append(c)
                    state = 3
                if len(field) > _field_limit:
                    raise Error('field larger than field limit (%d)' % _field_limit)
            # the line ended without a line terminator
            if state in (0, 1):
                if state == 1 or fields:
                    fields.append(self._finish(field, quoted_field))
                return fields
            if state in (2, 4, 7):
                fields.append(self._finish(field, quoted_field))
                return fields
            # inside quotes (3, 6) or after an escape (5): the record goes on

    def _check_eol(self, line, i, c):
        if c == '\r' and i < len(line) and line[i] == '\n':
            i += 1
        if i < len(line):
            raise Error("new-line character seen in unquoted field - do you need to open the "
                        "file with newline=''?")

    def _finish(self, field, quoted):
        s = ''.join(field)
        if self.dialect.quoting == QUOTE_NONNUMERIC and not quoted and s:
            return float(s)
        return s


class _Writer:
    def __init__(self, f, params):
        self._write = f.write
        self.dialect = params

    def _quote(self, s, force, numeric):
        d = self.dialect
        qc = d.quotechar
        esc = d.escapechar
        delim = d.delimiter
        need = force
        out = []
        for ch in s:
            special = ch == delim or ch == esc or (qc is not None and ch == qc) or \
                ch in d.lineterminator or ch in '\r\n'
            if special:
                if d.quoting == QUOTE_NONE:
                    if esc is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(esc)
                else:
                    if ch == qc:
                        if d.doublequote:
                            out.append(qc)
                            need = True
                        else:
                            if esc is None:
                                raise Error('need to escape, but no escapechar set')
                            out.append(esc)
                    elif ch == esc:
                        out.append(esc)
                    else:
                        need = True
            out.append(ch)
        text = ''.join(out)
        if need and d.quoting != QUOTE_NONE:
            if qc is None:
                raise Error('quotechar must be set if quoting enabled')
            return qc + text + qc
        return text

    def writerow(self, row):
        d = self.dialect
        try:
            items = iter(row)
        except TypeError:
            raise Error('iterable expected, not %s' % type(row).__name__) from None
        parts = []
        fields = list(items)
        for v in fields:
            if v is None:
                s = ''
                numeric = False
            elif isinstance(v, str):
                s = v
                numeric = False
            else:
                numeric = isinstance(v, (int, float))
                s = repr(v) if isinstance(v, float) else str(v)
            if d.quoting == QUOTE_ALL:
                force = True
            elif d.quoting == QUOTE_NONNUMERIC:
                force = not numeric
            else:
                force = False
            if len(fields) == 1 and s == '':
                if d.quoting == QUOTE_NONE:
                    raise Error('single empty field record must be quoted')
                force = True
            parts.append(self._quote(s, force, numeric))
        return self._write(d.delimiter.join(parts) + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def reader(csvfile, dialect='excel', **fmtparams):
    """csv_reader = reader(iterable [, dialect='excel'] [optional keyword args])"""
    return _Reader(csvfile, _Params(dialect, fmtparams))


def writer(fileobj, dialect='excel', **fmtparams):
    """csv_writer = csv.writer(fileobj [, dialect='excel'] [optional keyword args])"""
    if not hasattr(fileobj, 'write'):
        raise TypeError('argument 1 must have a "write" method')
    return _Writer(fileobj, _Params(dialect, fmtparams))


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel",
                 *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel",
                 *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


class Sniffer:
    """Deduces the format of a CSV file (delimiter and quoting)."""

    def __init__(self):
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        """Returns a dialect (or None) corresponding to the sample"""
        lines = [ln for ln in sample.split('\n') if ln.strip()][:20]
        candidates = delimiters if delimiters else ''.join(
            sorted({c for c in sample if not c.isalnum() and c not in '"\'\r\n'}))
        best = None
        for delim in list(self.preferred) + [c for c in candidates if c not in self.preferred]:
            if delimiters and delim not in delimiters:
                continue
            counts = [ln.count(delim) for ln in lines]
            if counts and counts[0] > 0 and all(c == counts[0] for c in counts):
                best = delim
                break
        if best is None:
            raise Error("Could not determine delimiter")
        quotechar = '"'
        if sample.count("'") > sample.count('"'):
            quotechar = "'"

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL
        dialect.delimiter = best
        dialect.quotechar = quotechar
        dialect.doublequote = True
        dialect.skipinitialspace = False
        return dialect

    def has_header(self, sample):
        rdr = reader(sample.splitlines(), self.sniff(sample))
        header = next(rdr)
        columns = len(header)
        column_types = {}
        for i in range(columns):
            column_types[i] = None
        checked = 0
        for row in rdr:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(column_types.keys()):
                thisType = complex_type = None
                for typ in (int, float):
                    try:
                        typ(row[col])
                        thisType = typ
                        break
                    except (ValueError, OverflowError):
                        pass
                if thisType is None:
                    thisType = len(row[col])
                if thisType != column_types[col]:
                    if column_types[col] is None:
                        column_types[col] = thisType
                    else:
                        del column_types[col]
        hasHeader = 0
        for col, colType in column_types.items():
            if type(colType) == type(0):
                if len(header[col]) != colType:
                    hasHeader += 1
                else:
                    hasHeader -= 1
            else:
                try:
                    colType(header[col])
                except (ValueError, TypeError):
                    hasHeader += 1
                else:
                    hasHeader -= 1
        return hasHeader > 0
