"""doctest failure reports: CPython's format, counts and summaries.
The report goes to sys.stdout, so it is captured here and the test's
directory removed from it (CPython names the script by its absolute path)
along with CPython's frame for its own exec() call.

>>> 2 + 2
5
"""
import doctest
import io
import os
import sys


def half(x):
    """
    >>> half(4)
    2.0
    >>> half(3)
    1
    >>> print('')
    >>> print('a\\n\\nb')
    a
    b
    >>> half('a')
    Traceback (most recent call last):
    TypeError: wrong
    >>> half(0) / 0
    >>> half(8)
    4.0
    """
    return x / 2


def quiet():
    """
    >>> None
    1
    >>> list(range(12))  # doctest: +ELLIPSIS
    [0, 1, ..., 12]
    >>> 'x'  # doctest: +SKIP
    'y'
    >>> print('a b')  # doctest: +NORMALIZE_WHITESPACE
    a  c
    """


class K:
    """
    >>> K().v()
    3
    """

    def v(self):
        """
        >>> K().v()
        2
        """
        return 2

    @property
    def p(self):
        """
        >>> K().p
        0
        """
        return 1


def crash(n):
    if n == 0:
        raise ValueError('n is zero')
    return crash(n - 1)


def deep():
    """
    >>> crash(2)
    Traceback (most recent call last):
    ValueError: n is one
    >>> crash(1)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValueError: something else
    """


def nested():
    """A function defined in an example fails inside it.

    >>> def bad(v):
    ...     return [1][v]
    >>> x = 1
    >>> bad(x)
    >>> import no_such_module_here
    """


HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def run(**kw):
    saved = sys.stdout
    sys.stdout = buf = io.StringIO()
    try:
        result = doctest.testmod(**kw)
    finally:
        sys.stdout = saved
    lines = buf.getvalue().replace(HERE, '').split('\n')
    out = []
    skip = False
    for line in lines:
        if skip:
            skip = False
            continue
        if 'doctest.py", line' in line:
            skip = True
            continue
        out.append(line)
    print('\n'.join(out), end='')
    print(result)


run()
run(verbose=True)
run(optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
run(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, report=False)
