"""Run the interactive examples in docstrings and compare their output:
testmod(), run_docstring_examples(), DocTestFinder, DocTestParser,
DocTestRunner, OutputChecker, the option flags.

Aithon has no exec(): the examples are compiled with the program. When a
program imports doctest, the compiler (compiler/doctests.c) turns every
example of every docstring of the program's own modules into a function
of the hidden module __aithon_doctests__, whose TESTS table maps
module -> [(qualname, lineno, sources, functions)]. This module finds
the tests as CPython's DocTestFinder does, parses each docstring again to
get the wanted output and the options, and runs the compiled function of
each example in a namespace that is a copy of the module's globals (the
hidden module's live namespace, refilled for each docstring).

Invariant: an example runs only if the compiler compiled exactly its
source for that docstring; anything else (a docstring made at run time,
a string given to run_docstring_examples or DocTestParser) raises
ValueError when run instead of passing silently."""

import sys
import re
from collections import namedtuple
from io import StringIO

__all__ = ['register_optionflag', 'DONT_ACCEPT_TRUE_FOR_1', 'DONT_ACCEPT_BLANKLINE',
           'NORMALIZE_WHITESPACE', 'ELLIPSIS', 'SKIP', 'IGNORE_EXCEPTION_DETAIL',
           'COMPARISON_FLAGS', 'REPORT_UDIFF', 'REPORT_CDIFF', 'REPORT_NDIFF',
           'REPORT_ONLY_FIRST_FAILURE', 'REPORTING_FLAGS', 'FAIL_FAST', 'Example', 'DocTest',
           'DocTestParser', 'DocTestFinder', 'DocTestRunner', 'OutputChecker',
           'DocTestFailure', 'UnexpectedException', 'DebugRunner', 'testmod',
           'run_docstring_examples', 'TestResults']

TestResults = namedtuple('TestResults', 'failed attempted')

OPTIONFLAGS_BY_NAME = {}


def register_optionflag(name):
    # one new bit per new name
    return OPTIONFLAGS_BY_NAME.setdefault(name, 1 << len(OPTIONFLAGS_BY_NAME))


DONT_ACCEPT_TRUE_FOR_1 = register_optionflag('DONT_ACCEPT_TRUE_FOR_1')
DONT_ACCEPT_BLANKLINE = register_optionflag('DONT_ACCEPT_BLANKLINE')
NORMALIZE_WHITESPACE = register_optionflag('NORMALIZE_WHITESPACE')
ELLIPSIS = register_optionflag('ELLIPSIS')
SKIP = register_optionflag('SKIP')
IGNORE_EXCEPTION_DETAIL = register_optionflag('IGNORE_EXCEPTION_DETAIL')
COMPARISON_FLAGS = (DONT_ACCEPT_TRUE_FOR_1 | DONT_ACCEPT_BLANKLINE | NORMALIZE_WHITESPACE |
                    ELLIPSIS | SKIP | IGNORE_EXCEPTION_DETAIL)
REPORT_UDIFF = register_optionflag('REPORT_UDIFF')
REPORT_CDIFF = register_optionflag('REPORT_CDIFF')
REPORT_NDIFF = register_optionflag('REPORT_NDIFF')
REPORT_ONLY_FIRST_FAILURE = register_optionflag('REPORT_ONLY_FIRST_FAILURE')
FAIL_FAST = register_optionflag('FAIL_FAST')
REPORTING_FLAGS = (REPORT_UDIFF | REPORT_CDIFF | REPORT_NDIFF | REPORT_ONLY_FIRST_FAILURE |
                   FAIL_FAST)

BLANKLINE_MARKER = '<BLANKLINE>'
ELLIPSIS_MARKER = '...'


def _indent(s, indent=4):
    """Prefix every line of s (which ends with a newline) with spaces."""
    pad = ' ' * indent
    return ''.join(pad + line for line in s.splitlines(True))


# ---- the compiled examples ---------------------------------------------------

_compiled = None


def _table():
    global _compiled
    if _compiled is None:
        import __aithon_doctests__
        _compiled = (__aithon_doctests__, __aithon_doctests__.TESTS,
                     __aithon_doctests__.EXAMPLE_LINES)
    return _compiled


def _compiled_for(test):
    """The compiled functions of test's examples, in order: the entry of
    test's module whose qualname and then whose sources match."""
    tests = _table()[1]
    sources = tuple(ex.source for ex in test.examples)
    entries = tests.get(test._module_name, ())
    for qualname, lineno, srcs, fns, firsts in entries:
        if qualname == test._qualname and srcs == sources:
            return fns, firsts
    for module_entries in ([entries] + [v for v in tests.values() if v is not entries]):
        for qualname, lineno, srcs, fns, firsts in module_entries:
            if srcs == sources:
                return fns, firsts
    return None


def _compiled_lineno(module_name, qualname):
    tests = _table()[1]
    for q, lineno, srcs, fns, firsts in tests.get(module_name, ()):
        if q == qualname:
            return lineno
    return None


# ---- examples and their parsing ---------------------------------------------

class Example:
    """One example: source (ends with a newline), want (the expected
    output), exc_msg (the expected exception's last line, or None),
    lineno (0-based, within the docstring), indent, options."""

    def __init__(self, source, want, exc_msg=None, lineno=0, indent=0, options=None):
        if not source.endswith('\n'):
            source += '\n'
        if want and not want.endswith('\n'):
            want += '\n'
        if exc_msg is not None and not exc_msg.endswith('\n'):
            exc_msg += '\n'
        self.source = source
        self.want = want
        self.lineno = lineno
        self.indent = indent
        self.options = {} if options is None else options
        self.exc_msg = exc_msg

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return (self.source == other.source and self.want == other.want and
                self.lineno == other.lineno and self.indent == other.indent and
                self.options == other.options and self.exc_msg == other.exc_msg)

    def __hash__(self):
        return hash((self.source, self.want, self.lineno, self.indent, self.exc_msg))


class DocTest:
    """The examples of one docstring, with the namespace they run in."""

    def __init__(self, examples, globs, name, filename, lineno, docstring):
        assert not isinstance(examples, str), "DocTest no longer accepts str; use DocTestParser instead"
        self.examples = examples
        self.docstring = docstring
        self.globs = globs.copy()
        self.name = name
        self.filename = filename
        self.lineno = lineno
        self._module_name = globs.get('__name__', '__main__')
        self._qualname = ''         # set by DocTestFinder

    def __repr__(self):
        if len(self.examples) == 0:
            examples = 'no examples'
        elif len(self.examples) == 1:
            examples = '1 example'
        else:
            examples = '%d examples' % len(self.examples)
        return '<%s %s from %s:%s (%s)>' % (self.__class__.__name__, self.name, self.filename,
                                            self.lineno, examples)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return (self.examples == other.examples and self.docstring == other.docstring and
                self.globs == other.globs and self.name == other.name and
                self.filename == other.filename and self.lineno == other.lineno)

    def __hash__(self):
        return hash((self.docstring, self.name, self.filename, self.lineno))

    def __lt__(self, other):
        if not isinstance(other, DocTest):
            return NotImplemented
        return ((self.name, self.filename, self.lineno, id(self)) <
                (other.name, other.filename, other.lineno, id(other)))


def _leading_spaces(line):
    return len(line) - len(line.lstrip(' '))


def _is_blank(line):
    return line.strip(' ') == ''


def _is_ps1(line):
    return line.lstrip(' ').startswith('>>>')


def _is_ps2(line):
    return line.lstrip(' ').startswith('...')


_OPTION_DIRECTIVE_RE = re.compile(r'#\s*doctest:\s*([^\n\'"]*)$', re.MULTILINE)


class DocTestParser:
    """Splits a docstring into examples and the text between them (the
    same split as the compiler's, compiler/doctests.c)."""

    def parse(self, string, name='<string>'):
        """A list of the text between examples (strings) and the Examples."""
        string = string.expandtabs()
        lines = string.split('\n')
        indents = [_leading_spaces(l) for l in lines if l.strip()]
        min_indent = min(indents) if indents else 0
        if min_indent > 0:
            lines = [l[min_indent:] for l in lines]
        output = []
        text = []
        i = 0
        while i < len(lines):
            line = lines[i]
            if not _is_ps1(line):
                text.append(line)
                i += 1
                continue
            lineno = i
            indent = _leading_spaces(line)
            source_lines = [line]
            i += 1
            while i < len(lines) and _is_ps2(lines[i]):
                source_lines.append(lines[i])
                i += 1
            want_lines = []
            while i < len(lines) and not _is_blank(lines[i]) and not _is_ps1(lines[i]):
                want_lines.append(lines[i])
                i += 1
            output.append('\n'.join(text + ['']) if text else '')
            text = []
            self._check_prompt_blank(source_lines, indent, name, lineno)
            self._check_prefix(source_lines[1:], ' ' * indent + '.', name, lineno)
            source = '\n'.join(sl[indent + 4:] for sl in source_lines)
            self._check_prefix(want_lines, ' ' * indent, name, lineno + len(source_lines))
            want = '\n'.join(wl[indent:] for wl in want_lines)
            exc_msg = self._exception_message(want)
            options = self._find_options(source, name, lineno)
            if self._blank_or_comment(source):
                continue
            output.append(Example(source, want, exc_msg, lineno=lineno,
                                  indent=min_indent + indent, options=options))
        output.append('\n'.join(text))
        return output

    def get_doctest(self, string, globs, name, filename, lineno):
        return DocTest(self.get_examples(string, name), globs, name, filename, lineno, string)

    def get_examples(self, string, name='<string>'):
        return [x for x in self.parse(string, name) if isinstance(x, Example)]

    @staticmethod
    def _blank_or_comment(source):
        if source.endswith('\n'):
            source = source[:-1]
        if '\n' in source:
            return False
        s = source.lstrip(' ')
        return s == '' or s.startswith('#')

    @staticmethod
    def _exception_message(want):
        lines = want.split('\n')
        head = lines[0].rstrip()
        if head not in ('Traceback (most recent call last):', 'Traceback (innermost last):'):
            return None
        for k in range(1, len(lines)):
            first = lines[k][:1]
            if first and (first.isalnum() or first == '_'):
                return '\n'.join(lines[k:])
        return None

    def _find_options(self, source, name, lineno):
        options = {}
        for m in _OPTION_DIRECTIVE_RE.finditer(source):
            for option in m.group(1).replace(',', ' ').split():
                if option[0] not in '+-' or option[1:] not in OPTIONFLAGS_BY_NAME:
                    raise ValueError('line %r of the doctest for %s has an invalid option: %r'
                                     % (lineno + 1, name, option))
                options[OPTIONFLAGS_BY_NAME[option[1:]]] = option[0] == '+'
        if options and self._blank_or_comment(source):
            raise ValueError('line %r of the doctest for %s has an option directive on a line '
                             'with no example: %r' % (lineno, name, source))
        return options

    def _check_prompt_blank(self, lines, indent, name, lineno):
        for i, line in enumerate(lines):
            if len(line) >= indent + 4 and line[indent + 3] != ' ':
                raise ValueError('line %r of the docstring for %s lacks blank after %s: %r'
                                 % (lineno + i + 1, name, line[indent:indent + 3], line))

    def _check_prefix(self, lines, prefix, name, lineno):
        for i, line in enumerate(lines):
            if line and not line.startswith(prefix):
                raise ValueError('line %r of the docstring for %s has inconsistent leading '
                                 'whitespace: %r' % (lineno + i + 1, name, line))


# ---- finding the tests of a module -----------------------------------------

def _is_module(obj):
    return type(obj).__name__ == 'module'


def _is_routine(obj):
    # inspect.isroutine without importing inspect (a big module to compile)
    import types
    if isinstance(obj, (types.BuiltinFunctionType, types.FunctionType, types.MethodType)):
        return True
    if isinstance(obj, type):
        return False
    tp = type(obj)
    return hasattr(tp, '__get__') and not hasattr(tp, '__set__')


class DocTestFinder:
    """Finds the docstrings of a module and of the functions and classes
    (and their methods, nested classes, properties) defined in it."""

    def __init__(self, verbose=False, parser=DocTestParser(), recurse=True, exclude_empty=True):
        self._parser = parser
        self._verbose = verbose
        self._recurse = recurse
        self._exclude_empty = exclude_empty

    def find(self, obj, name=None, module=None, globs=None, extraglobs=None):
        if name is None:
            name = getattr(obj, '__name__', None)
            if name is None:
                raise ValueError("DocTestFinder.find: name must be given when obj.__name__ "
                                 "doesn't exist: %r" % (type(obj),))
        if module is False:
            module = None
        elif module is None:
            module = obj if _is_module(obj) else sys.modules.get(getattr(obj, '__module__', None))
        filename = getattr(module, '__file__', None) if module is not None else None
        if globs is None:
            globs = {} if module is None else module.__dict__.copy()
        else:
            globs = globs.copy()
        if extraglobs is not None:
            globs.update(extraglobs)
        if '__name__' not in globs:
            globs['__name__'] = '__main__'
        tests = []
        self._find(tests, obj, name, module, filename, globs, {})
        tests.sort()
        return tests

    def _from_module(self, module, obj):
        if module is None:
            return True
        if isinstance(obj, property):
            return True
        mod = getattr(obj, '__module__', None)
        if mod is None:
            return True
        return mod == module.__name__

    def _find(self, tests, obj, name, module, filename, globs, seen):
        if id(obj) in seen:
            return
        seen[id(obj)] = 1
        test = self._get_test(obj, name, module, filename, globs)
        if test is not None:
            tests.append(test)
        if not self._recurse:
            return
        if _is_module(obj):
            for valname, val in list(obj.__dict__.items()):
                if (_is_routine(val) or isinstance(val, type)) and self._from_module(module, val):
                    self._find(tests, val, '%s.%s' % (name, valname), module, filename, globs, seen)
        elif isinstance(obj, type):
            for valname, val in list(obj.__dict__.items()):
                if isinstance(val, (staticmethod, classmethod)):
                    val = val.__func__
                if ((_is_routine(val) or isinstance(val, type) or isinstance(val, property))
                        and self._from_module(module, val)):
                    self._find(tests, val, '%s.%s' % (name, valname), module, filename, globs, seen)

    def _get_test(self, obj, name, module, filename, globs):
        if isinstance(obj, str):
            docstring = obj
        else:
            try:
                docstring = obj.__doc__
                if docstring is None:
                    docstring = ''
                elif not isinstance(docstring, str):
                    docstring = str(docstring)
            except (TypeError, AttributeError):
                docstring = ''
        if self._exclude_empty and not docstring:
            return None
        lineno = None
        qual = ''
        if module is not None:
            prefix = module.__name__ + '.'
            qual = name[len(prefix):] if name.startswith(prefix) else ''
            if docstring and not isinstance(obj, property):
                lineno = _compiled_lineno(module.__name__, qual)
        if filename is not None and filename.endswith('.pyc'):
            filename = filename[:-1]
        test = self._parser.get_doctest(docstring, globs, name, filename, lineno)
        if module is not None:
            test._module_name = module.__name__
        test._qualname = qual
        return test


# ---- running ----------------------------------------------------------------

class _SpoofOut(StringIO):
    """Captures an example's output; what was written always ends with a
    newline when read."""

    def getvalue(self):
        result = StringIO.getvalue(self)
        if result and not result.endswith('\n'):
            result += '\n'
        return result

    def truncate(self, size=None):
        self.seek(0 if size is None else size)
        StringIO.truncate(self)


def _exception_traceback(exc, test, firsts):
    """The traceback of an example's exception as CPython shows it, each
    frame in an example named <doctest NAME[N]> with the line in that
    example (CPython's frame for doctest's own exec() is left out: it
    names CPython's installation)."""
    import traceback
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    stack = te.stack
    for k, fs in enumerate(stack):
        if fs.filename == '<doctest>':
            del stack[:k]           # doctest's own frame
            break
    # the lines after the examples' are the compiler's (`raise SyntaxError`)
    limit = _table()[2]
    stack[:] = [fs for fs in stack if fs.filename != '<doctest>' or fs.lineno <= limit]
    for fs in stack:
        if fs.filename != '<doctest>':
            continue
        n = 0
        while n + 1 < len(firsts) and firsts[n + 1] <= fs.lineno:
            n += 1
        fs.filename = '<doctest %s[%d]>' % (test.name, n)
        fs.lineno = fs.lineno - firsts[n] + 1
        if fs.name.startswith('__aithon_dt_'):
            fs.name = '<module>'
    return ''.join(te.format())


def _strip_exception_details(msg):
    # "pkg.Error: detail" -> "Error"
    start, end = 0, len(msg)
    i = msg.find('\n')
    if i >= 0:
        end = i
    i = msg.find('(', 0, end)
    if i >= 0:
        end = i
    i = msg.find(':', 0, end)
    if i >= 0:
        end = i
    i = msg.rfind('.', 0, end)
    if i >= 0:
        start = i + 1
    return msg[start:end]


class DocTestRunner:
    """Runs DocTests, reports failures, keeps the counts per test name."""

    DIVIDER = '*' * 70

    def __init__(self, checker=None, verbose=None, optionflags=0):
        self._checker = checker or OutputChecker()
        if verbose is None:
            verbose = '-v' in sys.argv
        self._verbose = verbose
        self.optionflags = optionflags
        self.original_optionflags = optionflags
        self.tries = 0
        self.failures = 0
        self._name2ft = {}
        self._fakeout = _SpoofOut()

    def report_start(self, out, test, example):
        if self._verbose:
            if example.want:
                out('Trying:\n' + _indent(example.source) + 'Expecting:\n' + _indent(example.want))
            else:
                out('Trying:\n' + _indent(example.source) + 'Expecting nothing\n')

    def report_success(self, out, test, example, got):
        if self._verbose:
            out('ok\n')

    def report_failure(self, out, test, example, got):
        out(self._failure_header(test, example) +
            self._checker.output_difference(example, got, self.optionflags))

    def report_unexpected_exception(self, out, test, example, exc_info):
        out(self._failure_header(test, example) + 'Exception raised:\n' +
            _indent(self._last_traceback))

    def _failure_header(self, test, example):
        out = [self.DIVIDER]
        if test.filename:
            if test.lineno is not None and example.lineno is not None:
                lineno = test.lineno + example.lineno + 1
            else:
                lineno = '?'
            out.append('File "%s", line %s, in %s' % (test.filename, lineno, test.name))
        else:
            out.append('Line %s, in %s' % (example.lineno + 1, test.name))
        out.append('Failed example:')
        out.append(_indent(example.source))
        return '\n'.join(out)

    def _run_examples(self, test, out, compiled):
        fns, firsts = compiled if compiled else ((), ())
        failures = tries = 0
        original = self.original_optionflags
        SUCCESS, FAILURE, BOOM = range(3)
        check = self._checker.check_output
        hidden = _table()[0]
        ns = hidden.__dict__
        ns.clear()
        ns.update(test.globs)
        for examplenum, example in enumerate(test.examples):
            quiet = self.optionflags & REPORT_ONLY_FIRST_FAILURE and failures > 0
            self.optionflags = original
            for flag, on in example.options.items():
                if on:
                    self.optionflags |= flag
                else:
                    self.optionflags &= ~flag
            if self.optionflags & SKIP:
                continue
            tries += 1
            if not quiet:
                self.report_start(out, test, example)
            exception = None
            try:
                fns[examplenum]()
            except KeyboardInterrupt:
                raise
            except BaseException as e:
                exception = e
            got = self._fakeout.getvalue()
            self._fakeout.truncate(0)
            outcome = FAILURE
            if exception is None:
                if check(example.want, got, self.optionflags):
                    outcome = SUCCESS
            else:
                import traceback
                exc_msg = traceback.format_exception_only(type(exception), exception)[-1]
                self._last_traceback = _exception_traceback(exception, test, firsts)
                if not quiet:
                    got += self._last_traceback
                if example.exc_msg is None:
                    outcome = BOOM
                elif check(example.exc_msg, exc_msg, self.optionflags):
                    outcome = SUCCESS
                elif self.optionflags & IGNORE_EXCEPTION_DETAIL:
                    if check(_strip_exception_details(example.exc_msg),
                             _strip_exception_details(exc_msg), self.optionflags):
                        outcome = SUCCESS
            if outcome == SUCCESS:
                if not quiet:
                    self.report_success(out, test, example, got)
            elif outcome == FAILURE:
                if not quiet:
                    self.report_failure(out, test, example, got)
                failures += 1
            else:
                if not quiet:
                    self.report_unexpected_exception(out, test, example, None)
                failures += 1
            if failures and self.optionflags & FAIL_FAST:
                break
        self.optionflags = original
        ns.clear()
        self._record(test, failures, tries)
        self.failures += failures
        self.tries += tries
        return TestResults(failures, tries)

    def _record(self, test, f, t):
        f2, t2 = self._name2ft.get(test.name, (0, 0))
        self._name2ft[test.name] = (f + f2, t + t2)

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        fns = None
        if test.examples:
            fns = _compiled_for(test)
            if fns is None:
                raise ValueError('doctest: the examples of %s were not compiled with the program '
                                 '(Aithon compiles the examples of the docstrings in its source '
                                 'files; see docs/language.md)' % test.name)
        save_stdout = sys.stdout
        if out is None:
            out = save_stdout.write
        save_displayhook = sys.displayhook
        sys.stdout = self._fakeout
        sys.displayhook = sys.__displayhook__
        try:
            return self._run_examples(test, out, fns)
        finally:
            sys.stdout = save_stdout
            sys.displayhook = save_displayhook
            if clear_globs:
                test.globs.clear()

    def summarize(self, verbose=None):
        if verbose is None:
            verbose = self._verbose
        notests = []
        passed = []
        failed = []
        totalt = totalf = 0
        for name, (f, t) in self._name2ft.items():
            totalt += t
            totalf += f
            if t == 0:
                notests.append(name)
            elif f == 0:
                passed.append((name, t))
            else:
                failed.append((name, (f, t)))
        if verbose:
            if notests:
                print(len(notests), 'items had no tests:')
                notests.sort()
                for name in notests:
                    print('   ', name)
            if passed:
                print(len(passed), 'items passed all tests:')
                passed.sort()
                for name, count in passed:
                    print(' %3d tests in %s' % (count, name))
        if failed:
            print(self.DIVIDER)
            print(len(failed), 'items had failures:')
            failed.sort()
            for name, (f, t) in failed:
                print(' %3d of %3d in %s' % (f, t, name))
        if verbose:
            print(totalt, 'tests in', len(self._name2ft), 'items.')
            print(totalt - totalf, 'passed and', totalf, 'failed.')
        if totalf:
            print('***Test Failed***', totalf, 'failures.')
        elif verbose:
            print('Test passed.')
        return TestResults(totalf, totalt)

    def merge(self, other):
        for name, (f, t) in other._name2ft.items():
            f2, t2 = self._name2ft.get(name, (0, 0))
            self._name2ft[name] = (f + f2, t + t2)


class OutputChecker:
    """Compares an example's wanted output with what it printed."""

    def check_output(self, want, got, optionflags):
        if got == want:
            return True
        if not optionflags & DONT_ACCEPT_TRUE_FOR_1:
            if (got, want) in (('True\n', '1\n'), ('False\n', '0\n')):
                return True
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            want = re.sub(r'(?m)^%s\s*?$' % re.escape(BLANKLINE_MARKER), '', want)
            got = re.sub(r'(?m)^[^\S\n]+$', '', got)
            if got == want:
                return True
        if optionflags & NORMALIZE_WHITESPACE:
            got = ' '.join(got.split())
            want = ' '.join(want.split())
            if got == want:
                return True
        if optionflags & ELLIPSIS:
            if _ellipsis_match(want, got):
                return True
        return False

    def _do_a_fancy_diff(self, want, got, optionflags):
        if not optionflags & (REPORT_UDIFF | REPORT_CDIFF | REPORT_NDIFF):
            return False
        if optionflags & REPORT_NDIFF:
            return True
        return want.count('\n') > 2 and got.count('\n') > 2

    def output_difference(self, example, got, optionflags):
        want = example.want
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            got = re.sub(r'(?m)^[ ]*(?=\n)', BLANKLINE_MARKER, got)
        if self._do_a_fancy_diff(want, got, optionflags):
            import difflib
            want_lines = want.splitlines(True)
            got_lines = got.splitlines(True)
            if optionflags & REPORT_UDIFF:
                diff = list(difflib.unified_diff(want_lines, got_lines, n=2))[2:]
                kind = 'unified diff with -expected +actual'
            elif optionflags & REPORT_CDIFF:
                diff = list(difflib.context_diff(want_lines, got_lines, n=2))[2:]
                kind = 'context diff with expected followed by actual'
            else:
                engine = difflib.Differ(charjunk=difflib.IS_CHARACTER_JUNK)
                diff = list(engine.compare(want_lines, got_lines))
                kind = 'ndiff with -expected +actual'
            diff = [line.rstrip() + '\n' for line in diff]
            return 'Differences (%s):\n' % kind + _indent(''.join(diff))
        if want and got:
            return 'Expected:\n%sGot:\n%s' % (_indent(want), _indent(got))
        if want:
            return 'Expected:\n%sGot nothing\n' % _indent(want)
        if got:
            return 'Expected nothing\nGot:\n%s' % _indent(got)
        return 'Expected nothing\nGot nothing\n'


def _ellipsis_match(want, got):
    if ELLIPSIS_MARKER not in want:
        return want == got
    ws = want.split(ELLIPSIS_MARKER)
    startpos, endpos = 0, len(got)
    w = ws[0]
    if w:
        if got.startswith(w):
            startpos = len(w)
            del ws[0]
        else:
            return False
    w = ws[-1]
    if w:
        if got.endswith(w):
            endpos -= len(w)
            del ws[-1]
        else:
            return False
    if startpos > endpos:
        return False
    for w in ws:
        startpos = got.find(w, startpos, endpos)
        if startpos < 0:
            return False
        startpos += len(w)
    return True


class DocTestFailure(Exception):
    def __init__(self, test, example, got):
        self.test = test
        self.example = example
        self.got = got

    def __str__(self):
        return str(self.test)


class UnexpectedException(Exception):
    def __init__(self, test, example, exc_info):
        self.test = test
        self.example = example
        self.exc_info = exc_info

    def __str__(self):
        return str(self.test)


class DebugRunner(DocTestRunner):
    """Raises DocTestFailure at the first failure instead of reporting it."""

    def report_unexpected_exception(self, out, test, example, exc_info):
        raise UnexpectedException(test, example, exc_info)

    def report_failure(self, out, test, example, got):
        raise DocTestFailure(test, example, got)


master = None


def testmod(m=None, name=None, globs=None, verbose=None, report=True, optionflags=0,
            extraglobs=None, raise_on_error=False, exclude_empty=False):
    """Test the examples in the docstrings of module m (default __main__)
    and of the functions and classes defined in it; returns
    TestResults(failed, attempted)."""
    global master
    if m is None:
        m = sys.modules.get('__main__')
    if not _is_module(m):
        raise TypeError('testmod: module required; %r' % (m,))
    if name is None:
        name = m.__name__
    finder = DocTestFinder(exclude_empty=exclude_empty)
    if raise_on_error:
        runner = DebugRunner(verbose=verbose, optionflags=optionflags)
    else:
        runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    for test in finder.find(m, name, globs=globs, extraglobs=extraglobs):
        runner.run(test)
    if report:
        runner.summarize()
    if master is None:
        master = runner
    else:
        master.merge(runner)
    return TestResults(runner.failures, runner.tries)


def run_docstring_examples(f, globs, verbose=False, name='NoName', compileflags=None,
                           optionflags=0):
    """Test the examples in f's docstring."""
    finder = DocTestFinder(verbose=verbose, recurse=False)
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    module = sys.modules.get(getattr(f, '__module__', None))
    for test in finder.find(f, name, module=module, globs=globs):
        test.name = name
        test._qualname = getattr(f, '__qualname__', '')
        runner.run(test)
