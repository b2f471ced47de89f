"""doctest.testmod() on a module whose examples all pass: nothing is
printed (TheAlgorithms-style files end so), then the counts.

>>> square(3)
9
>>> [square(i) for i in range(4)]
[0, 1, 4, 9]
"""
import doctest


def square(x):
    """Square a number.

    >>> square(2)
    4
    >>> square(-1.5)
    2.25
    >>> total = 0
    >>> for i in range(3):
    ...     total += square(i)
    >>> total
    5
    >>> print(total); total * 2
    5
    10
    >>> None
    >>> square('a')
    Traceback (most recent call last):
        ...
    TypeError: can't multiply sequence by non-int of type 'str'
    """
    return x * x


def words(s):
    """
    >>> words("a  b   c")  # doctest: +NORMALIZE_WHITESPACE
    ['a',
     'b', 'c']
    >>> list(range(30))  # doctest: +ELLIPSIS
    [0, 1, 2, ..., 29]
    >>> print("x\\n\\ny")
    x
    <BLANKLINE>
    y
    >>> 1 < 2
    True
    >>> len('abc') == 3
    1
    """
    return s.split()


class Stack:
    """A stack.

    >>> s = Stack()
    >>> s.push(1); s.push(2)
    >>> s.pop()
    2
    >>> len(s)
    1
    """

    def __init__(self):
        self.items = []

    def push(self, x):
        """
        >>> t = Stack(); t.push('a'); t.items
        ['a']
        """
        self.items.append(x)

    def pop(self):
        return self.items.pop()

    def __len__(self):
        return len(self.items)

    @staticmethod
    def make(n):
        """
        >>> Stack.make(3).items
        [0, 1, 2]
        """
        s = Stack()
        for i in range(n):
            s.push(i)
        return s

    @property
    def top(self):
        """
        >>> Stack.make(2).top
        1
        """
        return self.items[-1]


def uses_globals():
    """Examples see a copy of the module's globals and can define names.

    >>> LIMIT
    10
    >>> LIMIT = 99
    >>> LIMIT, real_limit()
    (99, 10)
    >>> def double(v):
    ...     return 2 * v
    >>> double(LIMIT)
    198
    >>> import math
    >>> math.sqrt(16)
    4.0
    >>> class P:
    ...     def __repr__(self):
    ...         return 'P!'
    >>> P()
    P!
    """


def fresh_namespace():
    """Each docstring starts again from the module's globals.

    >>> 'total' in globals(), 'double' in globals(), LIMIT
    (False, False, 10)
    >>> __name__
    '__main__'
    """


def real_limit():
    return LIMIT


LIMIT = 10

if __name__ == "__main__":
    print(doctest.testmod())
    print(doctest.testmod(verbose=False).failed)
