import difflib
from difflib import SequenceMatcher, get_close_matches, unified_diff, context_diff, ndiff, Differ
s = SequenceMatcher(None, "abxcd", "abcd")
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio(), s.get_matching_blocks())
print(s.get_opcodes())
s = SequenceMatcher(lambda x: x == " ", "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.get_matching_blocks())
for tag, i1, i2, j1, j2 in s.get_opcodes():
    print('{:7}   a[{}:{}] --> b[{}:{}] {!r:>8} --> {!r}'.format(tag, i1, i2, j1, j2, s.a[i1:i2], s.b[j1:j2]))
print(s.find_longest_match(0, 5, 0, 9), SequenceMatcher(None, " abcd", "abcd abcd").find_longest_match())
print(get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
import keyword
print(get_close_matches("wheel", keyword.kwlist), get_close_matches("pineapple", keyword.kwlist), get_close_matches("accept", keyword.kwlist))
print(get_close_matches("hello", ["hallo", "hell", "help", "yellow", "hullo"], n=2, cutoff=0.5))
a = """one
two
three
four
five
six
seven
eight
nine
ten
eleven
twelve""".splitlines(keepends=True)
b = """zero
one
two
3
four
five
six
seven
eight
nine!
ten
eleven
""".splitlines(keepends=True)
print(''.join(unified_diff(a, b, fromfile='before.py', tofile='after.py')), end='')
print(''.join(unified_diff(a, b, 'x', 'y', '2020-01-01', '2020-01-02', n=1)), end='')
print(''.join(context_diff(a, b, fromfile='before.py', tofile='after.py')), end='')
print(list(unified_diff(['a'], ['b'], lineterm='')), list(unified_diff([], [])), list(unified_diff(['x'], [])))
t1 = '''  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
'''.splitlines(keepends=True)
t2 = '''  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
'''.splitlines(keepends=True)
d = Differ()
print(''.join(d.compare(t1, t2)), end='')
diff = list(ndiff('one\ntwo\nthree\n'.splitlines(keepends=True), 'ore\ntree\nemu\n'.splitlines(keepends=True)))
print(''.join(diff), end='')
print(''.join(difflib.restore(diff, 1)), end='')
print(''.join(difflib.restore(diff, 2)), end='')
print(list(ndiff(["abc\n", "same\n", "xyz\n"], ["abd\n", "same\n", "totally different\n"])))
print(difflib.IS_LINE_JUNK('\n'), difflib.IS_LINE_JUNK('  #   \n'), difflib.IS_LINE_JUNK('hello\n'), difflib.IS_CHARACTER_JUNK(' '))
import random
random.seed(5)
x = [random.randrange(20) for _ in range(400)]
y = [random.randrange(20) for _ in range(380)]
sm = SequenceMatcher(None, x, y)
print(len(sm.get_matching_blocks()), round(sm.ratio(), 6), sm.bpopular == set(range(20)), len(sm.get_opcodes()))
sm2 = SequenceMatcher(None, x, y, autojunk=False)
print(len(sm2.get_matching_blocks()), round(sm2.ratio(), 6), list(sm2.get_grouped_opcodes(1))[:2])
try:
    get_close_matches("x", [], n=0)
except ValueError as e:
    print(e)
try:
    list(unified_diff([b'a'], ['b']))
except TypeError as e:
    print(e)
try:
    list(difflib.restore([], 3))
except ValueError as e:
    print(e)
print(SequenceMatcher(None, "", "").ratio(), SequenceMatcher(None, [1, 2, 3], (1, 2, 3)).ratio())
