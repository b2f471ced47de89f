# aithon: native
"""Unit testing framework: TestCase with the assert methods, setUp/
tearDown (and the class-level ones), cleanups, subTest, skips and
expected failures; TestSuite, TestLoader, TestResult, TextTestRunner and
main() for a module of tests. (A module rather than CPython's package:
no unittest.mock, no discovery from the command line.) Assertion
messages are CPython's first lines; the diffs CPython appends for long
strings and containers are not produced."""

import sys
import time as _time
import traceback as _traceback

__all__ = ['TestResult', 'TestCase', 'IsolatedAsyncioTestCase', 'TestSuite', 'TextTestRunner',
           'TestLoader', 'FunctionTestCase', 'main', 'defaultTestLoader', 'SkipTest', 'skip',
           'skipIf', 'skipUnless', 'expectedFailure', 'TextTestResult',
           'installHandler', 'registerResult', 'removeResult', 'removeHandler',
           'addModuleCleanup', 'getTestCaseNames', 'makeSuite', 'findTestCases']

_MAX_LENGTH = 80


def safe_repr(obj, short=False):
    try:
        result = repr(obj)
    except Exception:
        result = object.__repr__(obj)
    if not short or len(result) < _MAX_LENGTH:
        return result
    return result[:_MAX_LENGTH] + ' [truncated]...'


# How two reprs in a failure message are shortened (CPython's layout):
# when the longer is over _MAX_LENGTH, their common prefix keeps its
# first _MIN_BEGIN_LEN characters and as much of its end as fits, the
# rest replaced by "[N chars]" (only when that saves more than the
# placeholder's _PLACEHOLDER_LEN); if even then the differing tails do
# not fit, each tail keeps _MIN_DIFF_LEN characters and its last
# _MIN_END_LEN.
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN + _MIN_COMMON_LEN + _PLACEHOLDER_LEN +
                              _MIN_END_LEN)
_DIFF_THRESHOLD = 2 ** 16     # longer strings are not diffed line by line


def _elide(text, keep_begin, keep_end):
    hidden = len(text) - keep_begin - keep_end
    if hidden <= _PLACEHOLDER_LEN:
        return text
    return '%s[%d chars]%s' % (text[:keep_begin], hidden, text[len(text) - keep_end:])


def _common_shorten_repr(*objs):
    reprs = [safe_repr(o) for o in objs]
    longest = max(len(r) for r in reprs)
    if longest <= _MAX_LENGTH:
        return tuple(reprs)
    n = 0
    shortest = min(len(r) for r in reprs)
    while n < shortest and all(r[n] == reprs[0][n] for r in reprs):
        n += 1
    prefix = reprs[0][:n]
    room = _MAX_LENGTH - (longest - n + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    if room > _MIN_COMMON_LEN:
        head = _elide(prefix, _MIN_BEGIN_LEN, room)
        return tuple(head + r[n:] for r in reprs)
    head = _elide(prefix, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(head + _elide(r[n:], _MIN_DIFF_LEN, _MIN_END_LEN) for r in reprs)


def _ndiff_lines(a, b):
    import difflib
    return list(difflib.ndiff(a, b))


def _pformat_lines(obj):
    import pprint
    return pprint.pformat(obj).splitlines()


def strclass(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


class SkipTest(Exception):
    """Raise this exception in a test to skip it."""


class _ShouldStop(Exception):
    pass


class _UnexpectedSuccess(Exception):
    pass


def skip(reason):
    """Unconditionally skip a test."""
    def decorator(test_item):
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item
    if isinstance(reason, type(skip)) or isinstance(reason, type):
        test_item = reason
        reason = ''
        return decorator(test_item)
    return decorator


def _id(obj):
    return obj


def skipIf(condition, reason):
    """Skip a test if the condition is true."""
    if condition:
        return skip(reason)
    return _id


def skipUnless(condition, reason):
    """Skip a test unless the condition is true."""
    if not condition:
        return skip(reason)
    return _id


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


_module_cleanups = []


def addModuleCleanup(function, /, *args, **kwargs):
    """Same as addCleanup, except the cleanup items are called even if
    setUpModule fails (unlike tearDownModule)."""
    _module_cleanups.append((function, args, kwargs))


class _AssertRaisesContext:
    def __init__(self, expected, test_case, expected_regex=None, msg=None):
        self.expected = expected
        self.test_case = test_case
        self.expected_regex = expected_regex
        self.msg = msg
        self.exception = None
        self.obj_name = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            try:
                exc_name = self.expected.__name__
            except AttributeError:
                exc_name = str(self.expected)
            if self.obj_name:
                self.test_case._raise_failure(self.msg, "{} not raised by {}".format(
                    exc_name, self.obj_name))
            self.test_case._raise_failure(self.msg, "{} not raised".format(exc_name))
        if not issubclass(exc_type, self.expected):
            return False
        # Kept without its traceback (so a failure below shows it as a
        # bare context, as CPython's does).
        self.exception = exc_value.with_traceback(None)
        if self.expected_regex is None:
            return True
        import re
        expected_regex = self.expected_regex
        if isinstance(expected_regex, str):
            expected_regex = re.compile(expected_regex)
        if not expected_regex.search(str(exc_value)):
            self.test_case._raise_failure(self.msg, '"{}" does not match "{}"'.format(
                expected_regex.pattern, str(exc_value)))
        return True


class _AssertWarnsContext:
    def __init__(self, expected, test_case, expected_regex=None, msg=None):
        self.expected = expected
        self.test_case = test_case
        self.expected_regex = expected_regex
        self.msg = msg
        self.warning = None

    def __enter__(self):
        import warnings
        self._cm = warnings.catch_warnings(record=True)
        self._log = self._cm.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self._cm.__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return False
        for w in self._log:
            if isinstance(w.message, self.expected):
                if self.expected_regex is not None:
                    import re
                    if not re.search(self.expected_regex, str(w.message)):
                        continue
                self.warning = w.message
                self.filename = w.filename
                self.lineno = w.lineno
                return True
        name = getattr(self.expected, '__name__', str(self.expected))
        self.test_case._raise_failure(self.msg, "{} not triggered".format(name))


class _SubTest:
    def __init__(self, test_case, message, params):
        self.test_case = test_case
        self._message = message
        self.params = params

    def _subDescription(self):
        parts = []
        if self._message is not _subtest_default:
            parts.append("[{}]".format(self._message))
        if self.params:
            params_desc = ', '.join("{}={!r}".format(k, v) for (k, v) in self.params.items())
            parts.append("({})".format(params_desc))
        return " ".join(parts) or '(<subtest>)'

    def id(self):
        return "{} {}".format(self.test_case.id(), self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return "{} {}".format(self.test_case, self._subDescription())


_subtest_default = object()


class TestCase:
    """A class whose instances are single test cases: methods whose names
    start with 'test' are run between setUp() and tearDown()."""

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8
    _classSetupFailed = False

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._outcome = None
        self._cleanups = []
        self._subtest = None
        self._testMethodDoc = 'No test'
        try:
            testMethod = getattr(self, methodName)
        except AttributeError:
            if methodName != 'runTest':
                raise ValueError("no such test method in %s: %s" % (self.__class__, methodName))
        else:
            self._testMethodDoc = testMethod.__doc__

    @classmethod
    def setUpClass(cls):
        "Hook method for setting up class fixture before running tests in the class."

    @classmethod
    def tearDownClass(cls):
        "Hook method for deconstructing the class fixture after running all tests in the class."

    def setUp(self):
        "Hook method for setting up the test fixture before exercising it."

    def tearDown(self):
        "Hook method for deconstructing the test fixture after testing it."

    def addCleanup(self, function, /, *args, **kwargs):
        """Add a function, with arguments, to be called when the test is
        completed (last added, first called)."""
        self._cleanups.append((function, args, kwargs))

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        if '_class_cleanups' not in cls.__dict__:
            cls._class_cleanups = []
        cls._class_cleanups.append((function, args, kwargs))

    def doCleanups(self):
        """Execute all cleanup functions."""
        ok = True
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            try:
                function(*args, **kwargs)
            except Exception as e:
                ok = False
                if self._result is not None:
                    self._result.addError(self, e)
        return ok

    @classmethod
    def doClassCleanups(cls):
        cleanups = cls.__dict__.get('_class_cleanups', [])
        while cleanups:
            function, args, kwargs = cleanups.pop()
            function(*args, **kwargs)

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        return TestResult()

    def shortDescription(self):
        """The first line of the test method's docstring, or None."""
        doc = self._testMethodDoc
        return doc.strip().split("\n")[0].strip() if doc else None

    def id(self):
        return "%s.%s" % (strclass(self.__class__), self._testMethodName)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __str__(self):
        return "%s (%s.%s)" % (self._testMethodName, strclass(self.__class__),
                               self._testMethodName)

    def __repr__(self):
        return "<%s testMethod=%s>" % (strclass(self.__class__), self._testMethodName)

    def subTest(self, msg=_subtest_default, **params):
        """A context manager: a failure inside it is reported for these
        parameters and the test goes on."""
        return _SubTestContext(self, msg, params)

    def run(self, result=None):
        if result is None:
            result = self.defaultTestResult()
        self._result = result
        result.startTest(self)
        try:
            testMethod = getattr(self, self._testMethodName)
            if (getattr(self.__class__, "__unittest_skip__", False) or
                    getattr(testMethod, "__unittest_skip__", False)):
                why = (getattr(self.__class__, '__unittest_skip_why__', '') or
                       getattr(testMethod, '__unittest_skip_why__', ''))
                result.addSkip(self, why)
                return result
            expecting_failure = getattr(testMethod, "__unittest_expecting_failure__", False)
            self._failed = False
            self._expected_failure_seen = False
            ok = self._call(result, self.setUp, expecting_failure)
            if ok:
                ok = self._call(result, testMethod, expecting_failure)
                self._call(result, self.tearDown, expecting_failure)
            self.doCleanups()
            if ok and not self._failed:
                if expecting_failure:
                    if self._expected_failure_seen:
                        pass
                    else:
                        result.addUnexpectedSuccess(self)
                else:
                    result.addSuccess(self)
            return result
        finally:
            result.stopTest(self)

    def _call(self, result, fn, expecting_failure):
        try:
            fn()
            return True
        except KeyboardInterrupt:
            raise
        except SkipTest as e:
            result.addSkip(self, str(e))
            self._failed = True
        except self.failureException as e:
            self._failed = True
            if expecting_failure:
                self._expected_failure_seen = True
                result.addExpectedFailure(self, e)
            else:
                result.addFailure(self, e)
        except BaseException as e:
            self._failed = True
            if expecting_failure:
                self._expected_failure_seen = True
                result.addExpectedFailure(self, e)
            else:
                result.addError(self, e)
        return False

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        """Run the test without collecting errors in a TestResult"""
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop(-1)
            function(*args, **kwargs)

    def skipTest(self, reason):
        """Skip this test."""
        raise SkipTest(reason)

    def fail(self, msg=None):
        """Fail immediately, with the given message."""
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        if msg is None:
            return standardMsg
        if not self.longMessage:
            return msg
        try:
            return '%s : %s' % (standardMsg, msg)
        except UnicodeDecodeError:
            return '%s : %s' % (safe_repr(standardMsg), safe_repr(msg))

    def _raise_failure(self, msg, standardMsg):
        raise self.failureException(self._formatMessage(msg, standardMsg))

    # ---- the assert methods --------------------------------------------------

    def assertFalse(self, expr, msg=None):
        """Check that the expression is false."""
        if expr:
            self._raise_failure(msg, "%s is not false" % safe_repr(expr))

    def assertTrue(self, expr, msg=None):
        """Check that the expression is true."""
        if not expr:
            self._raise_failure(msg, "%s is not true" % safe_repr(expr))

    def assertRaises(self, expected_exception, *args, **kwargs):
        """Fail unless an exception of class expected_exception is raised
        by the callable (or in the with block)."""
        context = _AssertRaisesContext(expected_exception, self, msg=kwargs.pop('msg', None))
        if not args:
            return context
        callable_obj = args[0]
        context.obj_name = getattr(callable_obj, '__name__', str(callable_obj))
        with context:
            callable_obj(*args[1:], **kwargs)
        return None

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, expected_regex,
                                       msg=kwargs.pop('msg', None))
        if not args:
            return context
        with context:
            args[0](*args[1:], **kwargs)
        return None

    def assertWarns(self, expected_warning, *args, **kwargs):
        context = _AssertWarnsContext(expected_warning, self, msg=kwargs.pop('msg', None))
        if not args:
            return context
        with context:
            args[0](*args[1:], **kwargs)
        return None

    def assertWarnsRegex(self, expected_warning, expected_regex, *args, **kwargs):
        context = _AssertWarnsContext(expected_warning, self, expected_regex,
                                      msg=kwargs.pop('msg', None))
        if not args:
            return context
        with context:
            args[0](*args[1:], **kwargs)
        return None

    def _base_equal_msg(self, first, second):
        return '%s != %s' % _common_shorten_repr(first, second)

    def _truncateMessage(self, message, diff):
        if self.maxDiff is None or len(diff) <= self.maxDiff:
            return message + diff
        return message + '\nDiff is %d characters long. Set self.maxDiff to None to see it.' % len(diff)

    def assertEqual(self, first, second, msg=None):
        """Fail if the two objects are unequal as determined by the '=='
        operator (lists, tuples, dicts, sets and strs of the same type
        are compared by their own assert methods, which explain)."""
        if type(first) is type(second):
            t = type(first)
            if t is list:
                return self.assertListEqual(first, second, msg)
            if t is tuple:
                return self.assertTupleEqual(first, second, msg)
            if t is dict:
                return self.assertDictEqual(first, second, msg)
            if t is set or t is frozenset:
                return self.assertSetEqual(first, second, msg)
            if t is str:
                return self.assertMultiLineEqual(first, second, msg)
        if not first == second:
            self._raise_failure(msg, self._base_equal_msg(first, second))

    def _set_msg(self, set1, set2):
        lines = []
        d1 = set1 - set2
        d2 = set2 - set1
        if d1:
            lines.append('Items in the first set but not the second:')
            for item in d1:
                lines.append(repr(item))
        if d2:
            lines.append('Items in the second set but not the first:')
            for item in d2:
                lines.append(repr(item))
        return '\n'.join(lines)

    def assertNotEqual(self, first, second, msg=None):
        """Fail if the two objects are equal as determined by the '!='
        operator."""
        if not first != second:
            self._raise_failure(msg, '%s == %s' % (safe_repr(first), safe_repr(second)))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        """Fail if the two objects are unequal as determined by their
        difference rounded to the given number of decimal places (default
        7) and comparing to zero, or by comparing that the difference
        between the two objects is more than the given delta."""
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standardMsg = '%s != %s within %s delta (%s difference)' % (
                safe_repr(first), safe_repr(second), safe_repr(delta), safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standardMsg = '%s != %s within %r places (%s difference)' % (
                safe_repr(first), safe_repr(second), places, safe_repr(diff))
        self._raise_failure(msg, standardMsg)

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standardMsg = '%s == %s within %s delta (%s difference)' % (
                safe_repr(first), safe_repr(second), safe_repr(delta), safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standardMsg = '%s == %s within %r places' % (safe_repr(first), safe_repr(second),
                                                         places)
        self._raise_failure(msg, standardMsg)

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        """An equality assertion for ordered sequences, explaining the
        first difference and showing an ndiff of their pformats."""
        if seq_type is not None:
            kind = seq_type.__name__
            if not isinstance(seq1, seq_type):
                self._raise_failure(msg, 'First sequence is not a %s: %s' % (kind, safe_repr(seq1)))
            if not isinstance(seq2, seq_type):
                self._raise_failure(msg, 'Second sequence is not a %s: %s' % (kind, safe_repr(seq2)))
        else:
            kind = 'sequence'
        try:
            len1 = len(seq1)
        except (TypeError, NotImplementedError):
            self._raise_failure(msg, 'First %s has no length.    Non-sequence?' % kind)
        try:
            len2 = len(seq2)
        except (TypeError, NotImplementedError):
            self._raise_failure(msg, 'Second %s has no length.    Non-sequence?' % kind)
        if seq1 == seq2:
            return
        text = '%ss differ: %s != %s\n' % ((kind.capitalize(),) + _common_shorten_repr(seq1, seq2))
        found = False
        for i in range(min(len1, len2)):
            try:
                item1 = seq1[i]
            except (TypeError, IndexError, NotImplementedError):
                text += '\nUnable to index element %d of first %s\n' % (i, kind)
                found = True
                break
            try:
                item2 = seq2[i]
            except (TypeError, IndexError, NotImplementedError):
                text += '\nUnable to index element %d of second %s\n' % (i, kind)
                found = True
                break
            if item1 != item2:
                text += '\nFirst differing element %d:\n%s\n%s\n' % ((i,) + _common_shorten_repr(item1, item2))
                found = True
                break
        if not found and len1 == len2 and seq_type is None and type(seq1) != type(seq2):
            return      # equal items, different sequence types
        if len1 > len2:
            text += '\nFirst %s contains %d additional elements.\n' % (kind, len1 - len2)
            try:
                text += 'First extra element %d:\n%s\n' % (len2, safe_repr(seq1[len2]))
            except (TypeError, IndexError, NotImplementedError):
                text += 'Unable to index element %d of first %s\n' % (len2, kind)
        elif len1 < len2:
            text += '\nSecond %s contains %d additional elements.\n' % (kind, len2 - len1)
            try:
                text += 'First extra element %d:\n%s\n' % (len1, safe_repr(seq2[len1]))
            except (TypeError, IndexError, NotImplementedError):
                text += 'Unable to index element %d of second %s\n' % (len1, kind)
        diff = '\n' + '\n'.join(_ndiff_lines(_pformat_lines(seq1), _pformat_lines(seq2)))
        self._raise_failure(msg, self._truncateMessage(text, diff))

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertSetEqual(self, set1, set2, msg=None):
        try:
            d1 = set1.difference(set2)
        except TypeError as e:
            self.fail('invalid type when attempting set difference: %s' % e)
        except AttributeError as e:
            self.fail('first argument does not support set difference: %s' % e)
        try:
            set2.difference(set1)
        except TypeError as e:
            self.fail('invalid type when attempting set difference: %s' % e)
        except AttributeError as e:
            self.fail('second argument does not support set difference: %s' % e)
        if set1 != set2 or d1:
            self._raise_failure(msg, self._set_msg(set1, set2))

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, 'First argument is not a dictionary')
        self.assertIsInstance(d2, dict, 'Second argument is not a dictionary')
        if d1 != d2:
            text = '%s != %s' % _common_shorten_repr(d1, d2)
            diff = '\n' + '\n'.join(_ndiff_lines(_pformat_lines(d1), _pformat_lines(d2)))
            self._raise_failure(msg, self._truncateMessage(text, diff))

    def assertMultiLineEqual(self, first, second, msg=None):
        """Assert that two strs are equal, showing an ndiff of their lines."""
        self.assertIsInstance(first, str, 'First argument is not a string')
        self.assertIsInstance(second, str, 'Second argument is not a string')
        if first == second:
            return
        if len(first) > _DIFF_THRESHOLD or len(second) > _DIFF_THRESHOLD:
            self._raise_failure(msg, self._base_equal_msg(first, second))
        # A one-line str without a line break is diffed as a line (3.11's rule).
        a, b = first.splitlines(True), second.splitlines(True)
        if len(a) == 1 and first.strip('\r\n') == first:
            a = [first + '\n']
            b = [second + '\n']
        text = '%s != %s' % _common_shorten_repr(first, second)
        diff = '\n' + ''.join(_ndiff_lines(a, b))
        self._raise_failure(msg, self._truncateMessage(text, diff))

    def assertIn(self, member, container, msg=None):
        """Just like self.assertTrue(a in b), but with a nicer default message."""
        if member not in container:
            self._raise_failure(msg, '%s not found in %s' % (safe_repr(member),
                                                             safe_repr(container)))

    def assertNotIn(self, member, container, msg=None):
        """Just like self.assertTrue(a not in b), but with a nicer default message."""
        if member in container:
            self._raise_failure(msg, '%s unexpectedly found in %s' % (safe_repr(member),
                                                                      safe_repr(container)))

    def assertIs(self, expr1, expr2, msg=None):
        """Just like self.assertTrue(a is b), but with a nicer default message."""
        if expr1 is not expr2:
            self._raise_failure(msg, '%s is not %s' % (safe_repr(expr1), safe_repr(expr2)))

    def assertIsNot(self, expr1, expr2, msg=None):
        """Just like self.assertTrue(a is not b), but with a nicer default message."""
        if expr1 is expr2:
            self._raise_failure(msg, 'unexpectedly identical: %s' % (safe_repr(expr1),))

    def assertIsNone(self, obj, msg=None):
        """Same as self.assertTrue(obj is None), with a nicer default message."""
        if obj is not None:
            self._raise_failure(msg, '%s is not None' % (safe_repr(obj),))

    def assertIsNotNone(self, obj, msg=None):
        """Included for symmetry with assertIsNone."""
        if obj is None:
            self._raise_failure(msg, 'unexpectedly None')

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self._raise_failure(msg, '%s is not an instance of %r' % (safe_repr(obj), cls))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self._raise_failure(msg, '%s is an instance of %r' % (safe_repr(obj), cls))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self._raise_failure(msg, '%s not less than %s' % (safe_repr(a), safe_repr(b)))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self._raise_failure(msg, '%s not less than or equal to %s' % (safe_repr(a),
                                                                          safe_repr(b)))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self._raise_failure(msg, '%s not greater than %s' % (safe_repr(a), safe_repr(b)))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self._raise_failure(msg, '%s not greater than or equal to %s' % (safe_repr(a),
                                                                             safe_repr(b)))

    def assertCountEqual(self, first, second, msg=None):
        """Asserts that two iterables have the same elements, the same
        number of times, without regard to order."""
        first_seq, second_seq = list(first), list(second)
        missing = list(second_seq)
        extra = []
        for item in first_seq:
            try:
                missing.remove(item)
            except ValueError:
                extra.append(item)
        if extra or missing:
            lines = []
            counted = []
            for item in first_seq:
                if any(item == c for c in counted):
                    continue
                counted.append(item)
                a = sum(1 for x in first_seq if x == item)
                b = sum(1 for x in second_seq if x == item)
                if a != b:
                    lines.append('First has %d, Second has %d:  %r' % (a, b, item))
            for item in second_seq:
                if any(item == c for c in counted):
                    continue
                counted.append(item)
                b = sum(1 for x in second_seq if x == item)
                lines.append('First has 0, Second has %d:  %r' % (b, item))
            self._raise_failure(msg, 'Element counts were not equal:\n' + '\n'.join(lines))

    def assertRegex(self, text, expected_regex, msg=None):
        """Fail the test unless the text matches the regular expression."""
        import re
        if isinstance(expected_regex, (str, bytes)):
            expected_regex = re.compile(expected_regex)
        if not expected_regex.search(text):
            self._raise_failure(msg, "Regex didn't match: %r not found in %r" % (
                expected_regex.pattern, text))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        """Fail the test if the text matches the regular expression."""
        import re
        if isinstance(unexpected_regex, (str, bytes)):
            unexpected_regex = re.compile(unexpected_regex)
        match = unexpected_regex.search(text)
        if match:
            self._raise_failure(msg, 'Regex matched: %r matches %r in %r' % (
                text[match.start():match.end()], unexpected_regex.pattern, text))


class _SubTestContext:
    def __init__(self, case, msg, params):
        self.case = case
        self.sub = _SubTest(case, msg, params)

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, SkipTest):
            self.case._result.addSkip(self.sub, str(exc_value))
            return True
        if issubclass(exc_type, KeyboardInterrupt):
            return False
        self.case._failed = True
        if issubclass(exc_type, self.case.failureException):
            self.case._result.addSubTest(self.case, self.sub, exc_value, True)
        else:
            self.case._result.addSubTest(self.case, self.sub, exc_value, False)
        return True


class FunctionTestCase(TestCase):
    """A test case that wraps a test function."""

    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        super().__init__()
        self._setUpFunc = setUp
        self._tearDownFunc = tearDown
        self._testFunc = testFunc
        self._description = description

    def setUp(self):
        if self._setUpFunc is not None:
            self._setUpFunc()

    def tearDown(self):
        if self._tearDownFunc is not None:
            self._tearDownFunc()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def __str__(self):
        return "%s (%s)" % (strclass(self.__class__), self._testFunc.__name__)

    def shortDescription(self):
        if self._description is not None:
            return self._description
        doc = self._testFunc.__doc__
        return doc and doc.split("\n")[0].strip() or None


IsolatedAsyncioTestCase = TestCase


class TestSuite:
    """A composite test: a list of tests (or suites) run in order, with
    setUpClass/tearDownClass around each class's tests."""

    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def __repr__(self):
        return "<%s tests=%s>" % (strclass(self.__class__), list(self))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return list(self) == list(other)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return sum(test.countTestCases() for test in self._tests)

    def addTest(self, test):
        if not callable(test):
            raise TypeError("{} is not callable".format(repr(test)))
        if isinstance(test, type) and issubclass(test, (TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated before passing "
                            "them to addTest()")
        self._tests.append(test)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for test in tests:
            self.addTest(test)

    def run(self, result, debug=False):
        top = not getattr(result, '_in_suite', False)
        if top:
            result._in_suite = True
            result._previous_class = None
        for test in self:
            if result.shouldStop:
                break
            if isinstance(test, TestCase):
                self._switch_class(test.__class__, result)
                if test.__class__._classSetupFailed:
                    continue
            test(result)
        if top:
            self._switch_class(None, result)
            result._in_suite = False
        return result

    def _switch_class(self, cls, result):
        prev = result._previous_class
        if prev is cls:
            return
        if prev is not None and not prev._classSetupFailed and \
                not getattr(prev, '__unittest_skip__', False):
            try:
                prev.tearDownClass()
            except Exception as e:
                result.addError(_ErrorHolder('tearDownClass (%s)' % strclass(prev)), e)
            try:
                prev.doClassCleanups()
            except Exception as e:
                result.addError(_ErrorHolder('tearDownClass (%s)' % strclass(prev)), e)
        result._previous_class = cls
        if cls is None or getattr(cls, '__unittest_skip__', False):
            return
        cls._classSetupFailed = False
        try:
            cls.setUpClass()
        except SkipTest as e:
            cls._classSetupFailed = True
            result.addSkip(_ErrorHolder('setUpClass (%s)' % strclass(cls)), str(e))
        except Exception as e:
            cls._classSetupFailed = True
            result.addError(_ErrorHolder('setUpClass (%s)' % strclass(cls)), e)

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        for test in self:
            test.debug()


class _ErrorHolder:
    failureException = None

    def __init__(self, description):
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None

    def __repr__(self):
        return "<ErrorHolder description=%r>" % (self.description,)

    def __str__(self):
        return self.id()

    def countTestCases(self):
        return 0


def _exc_text(test, exc):
    return ''.join(_traceback.format_exception(exc))


class TestResult:
    """Holder for test result information: lists of (test, formatted
    traceback) in failures and errors, testsRun, wasSuccessful()."""

    _previousTestClass = None
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.collectedDurations = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False
        self._in_suite = False
        self._previous_class = None

    def printErrors(self):
        pass

    def startTest(self, test):
        self.testsRun += 1

    def startTestRun(self):
        pass

    def stopTest(self, test):
        pass

    def stopTestRun(self):
        pass

    def addError(self, test, err):
        self.errors.append((test, _exc_text(test, err)))
        if self.failfast:
            self.stop()

    def addFailure(self, test, err):
        self.failures.append((test, _exc_text(test, err)))
        if self.failfast:
            self.stop()

    def addSubTest(self, test, subtest, err, is_failure=True):
        if err is not None:
            if is_failure:
                self.failures.append((subtest, _exc_text(subtest, err)))
            else:
                self.errors.append((subtest, _exc_text(subtest, err)))
            if self.failfast:
                self.stop()

    def addSuccess(self, test):
        pass

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, _exc_text(test, err)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        """Tells whether or not this result was a success."""
        return ((len(self.failures) == len(self.errors) == 0) and
                (not hasattr(self, 'unexpectedSuccesses') or
                 len(self.unexpectedSuccesses) == 0))

    def stop(self):
        """Indicates that the tests should be aborted."""
        self.shouldStop = True

    def __repr__(self):
        return ("<%s run=%i errors=%i failures=%i>" %
                (strclass(self.__class__), self.testsRun, len(self.errors),
                 len(self.failures)))


class TextTestResult(TestResult):
    """A test result class that can print formatted text results to a stream."""
    separator1 = '=' * 70
    separator2 = '-' * 70

    def __init__(self, stream, descriptions, verbosity, *, durations=None):
        super().__init__(stream, descriptions, verbosity)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self.descriptions = descriptions

    def getDescription(self, test):
        doc_first_line = test.shortDescription()
        if self.descriptions and doc_first_line:
            return '\n'.join((str(test), doc_first_line))
        return str(test)

    def startTest(self, test):
        super().startTest(test)
        if self.showAll:
            self.stream.write(self.getDescription(test))
            self.stream.write(" ... ")
            self.stream.flush()
            self._newline = False

    def _write_status(self, test, status):
        # A subtest's status goes on a line of its own, indented, after
        # its description (the test's line is ended first).
        sub = isinstance(test, _SubTest)
        if sub or getattr(self, '_newline', False):
            if not getattr(self, '_newline', False):
                self.stream.write('\n')
            if sub:
                self.stream.write('  ')
            self.stream.write(self.getDescription(test))
            self.stream.write(' ... ')
        self.stream.write(status + '\n')
        self.stream.flush()
        self._newline = True

    def _mark(self, long, short, test=None):
        if self.showAll:
            self._write_status(test, long)
        elif self.dots:
            self.stream.write(short)
            self.stream.flush()

    def addSubTest(self, test, subtest, err, is_failure=True):
        if err is not None:
            if self.showAll:
                if is_failure:
                    self._write_status(subtest, "FAIL")
                else:
                    self._write_status(subtest, "ERROR")
            elif self.dots:
                self.stream.write('F' if is_failure else 'E')
                self.stream.flush()
        super().addSubTest(test, subtest, err, is_failure)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._mark("ok", '.', test)

    def addError(self, test, err):
        super().addError(test, err)
        self._mark("ERROR", 'E', test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._mark("FAIL", 'F', test)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._mark("skipped {0!r}".format(reason), 's', test)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._mark("expected failure", 'x', test)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._mark("unexpected success", 'u', test)

    def printErrors(self):
        if self.dots or self.showAll:
            self.stream.write('\n')
            self.stream.flush()
        self.printErrorList('ERROR', self.errors)
        self.printErrorList('FAIL', self.failures)
        unexpectedSuccesses = getattr(self, 'unexpectedSuccesses', ())
        if unexpectedSuccesses:
            self.stream.write(self.separator1 + '\n')
            for test in unexpectedSuccesses:
                self.stream.write("UNEXPECTED SUCCESS: %s\n" % self.getDescription(test))
            self.stream.flush()

    def printErrorList(self, flavour, errors):
        for test, err in errors:
            self.stream.write(self.separator1 + '\n')
            self.stream.write("%s: %s\n" % (flavour, self.getDescription(test)))
            self.stream.write(self.separator2 + '\n')
            self.stream.write("%s\n" % err)
            self.stream.flush()


class TextTestRunner:
    """A test runner class that displays results in textual form."""
    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False,
                 buffer=False, resultclass=None, warnings=None, *, tb_locals=False,
                 durations=None):
        if stream is None:
            stream = sys.stderr
        self.stream = stream
        self.descriptions = descriptions
        self.verbosity = verbosity
        self.failfast = failfast
        self.buffer = buffer
        self.tb_locals = tb_locals
        self.warnings = warnings
        if resultclass is not None:
            self.resultclass = resultclass

    def _makeResult(self):
        return self.resultclass(self.stream, self.descriptions, self.verbosity)

    def run(self, test):
        "Run the given test case or test suite."
        result = self._makeResult()
        result.failfast = self.failfast
        result.buffer = self.buffer
        startTime = _time.perf_counter()
        result.startTestRun()
        try:
            test(result)
        finally:
            result.stopTestRun()
        stopTime = _time.perf_counter()
        timeTaken = stopTime - startTime
        result.printErrors()
        self.stream.write(TextTestResult.separator2 + '\n')
        run = result.testsRun
        self.stream.write("Ran %d test%s in %.3fs\n" % (run, run != 1 and "s" or "",
                                                         timeTaken))
        self.stream.write('\n')
        expectedFails = len(result.expectedFailures)
        unexpectedSuccesses = len(result.unexpectedSuccesses)
        skipped = len(result.skipped)
        infos = []
        if not result.wasSuccessful():
            self.stream.write("FAILED")
            failed, errored = len(result.failures), len(result.errors)
            if failed:
                infos.append("failures=%d" % failed)
            if errored:
                infos.append("errors=%d" % errored)
        elif run == 0 and not skipped:
            self.stream.write("NO TESTS RAN")
        else:
            self.stream.write("OK")
        if skipped:
            infos.append("skipped=%d" % skipped)
        if expectedFails:
            infos.append("expected failures=%d" % expectedFails)
        if unexpectedSuccesses:
            infos.append("unexpected successes=%d" % unexpectedSuccesses)
        if infos:
            self.stream.write(" (%s)\n" % (", ".join(infos),))
        else:
            self.stream.write("\n")
        self.stream.flush()
        return result


class TestLoader:
    """Creates test suites from TestCase classes and modules."""
    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(lambda a, b: (a > b) - (a < b))
    testNamePatterns = None
    suiteClass = TestSuite

    def __init__(self):
        self.errors = []

    def loadTestsFromTestCase(self, testCaseClass):
        """Return a suite of all test cases contained in testCaseClass"""
        if issubclass(testCaseClass, TestSuite):
            raise TypeError("Test cases should not be derived from TestSuite. "
                            "Maybe you meant to derive from TestCase?")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return self.suiteClass([testCaseClass(n) for n in names])

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        """Return a suite of all test cases contained in the given module"""
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase) and \
                    obj not in (TestCase, FunctionTestCase):
                tests.append(self.loadTestsFromTestCase(obj))
        load_tests = getattr(module, 'load_tests', None)
        tests = self.suiteClass(tests)
        if load_tests is not None:
            return load_tests(self, tests, pattern)
        return tests

    def loadTestsFromName(self, name, module=None):
        parts = name.split('.')
        obj = module if module is not None else sys.modules[parts.pop(0)]
        parent = None
        for part in parts:
            parent, obj = obj, getattr(obj, part)
        if isinstance(obj, type) and issubclass(obj, TestCase):
            return self.loadTestsFromTestCase(obj)
        if isinstance(parent, type) and issubclass(parent, TestCase):
            return self.suiteClass([parent(parts[-1])])
        if isinstance(obj, TestSuite):
            return obj
        if callable(obj):
            return obj()
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(name, module) for name in names])

    def getTestCaseNames(self, testCaseClass):
        """Return a sorted sequence of method names found within testCaseClass"""
        names = [n for n in dir(testCaseClass)
                 if n.startswith(self.testMethodPrefix) and
                 callable(getattr(testCaseClass, n))]
        names.sort()
        return names


defaultTestLoader = TestLoader()


def getTestCaseNames(testCaseClass, prefix, sortUsing=None, testNamePatterns=None):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    return loader.getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=None, suiteClass=TestSuite):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.suiteClass = suiteClass
    return loader.loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=None, suiteClass=TestSuite):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.suiteClass = suiteClass
    return loader.loadTestsFromModule(module)


def installHandler():
    pass


def removeHandler(method=None):
    if method is not None:
        return method


def registerResult(result):
    pass


def removeResult(result):
    return True


class TestProgram:
    """Run the tests of a module (by default __main__) and exit with 0
    when they all pass, 1 otherwise: what unittest.main() does."""

    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None,
                 testLoader=defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            self.module = sys.modules[module]
        else:
            self.module = module
        if argv is None:
            argv = sys.argv
        self.exit = exit
        self.failfast = failfast
        self.verbosity = verbosity
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = argv[0] if argv else None
        names = []
        for arg in argv[1:]:
            if arg in ('-v', '--verbose'):
                self.verbosity = 2
            elif arg in ('-q', '--quiet'):
                self.verbosity = 0
            elif arg in ('-f', '--failfast'):
                self.failfast = True
            elif not arg.startswith('-'):
                names.append(arg)
        if names:
            self.test = testLoader.loadTestsFromNames(names, self.module)
        elif defaultTest is not None:
            if isinstance(defaultTest, str):
                defaultTest = [defaultTest]
            self.test = testLoader.loadTestsFromNames(defaultTest, self.module)
        else:
            self.test = testLoader.loadTestsFromModule(self.module)
        self.runTests()

    def runTests(self):
        runner = self.testRunner
        if runner is None:
            runner = TextTestRunner
        if isinstance(runner, type):
            runner = runner(verbosity=self.verbosity, failfast=bool(self.failfast))
        self.result = runner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram

# CPython's unittest is a package: its classes name their submodules.
for _cls, _mod in ((SkipTest, 'unittest.case'), (TestCase, 'unittest.case'),
                   (FunctionTestCase, 'unittest.case'), (_SubTest, 'unittest.case'),
                   (TestSuite, 'unittest.suite'), (TestResult, 'unittest.result'),
                   (TextTestResult, 'unittest.runner'), (TextTestRunner, 'unittest.runner'),
                   (TestLoader, 'unittest.loader'), (TestProgram, 'unittest.main')):
    _cls.__module__ = _mod
del _cls, _mod
