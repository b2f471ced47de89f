import textwrap
from textwrap import TextWrapper, wrap, fill, shorten, dedent, indent

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen "
        "liquor jugs!  How vexingly quick daft zebras jump; a well-known phrase "
        "with self-evident hyphenation and\ttabs\nand newlines.")
for w in (10, 20, 33, 70):
    print(wrap(text, w))
print(fill(text, 25))
print(fill(text, 30, initial_indent='* ', subsequent_indent='  '))
print(wrap('supercalifragilisticexpialidocious word', 10))
print(wrap('supercalifragilisticexpialidocious word', 10, break_long_words=False))
print(wrap('a very-long-hyphenated-word-here ok', 12))
print(wrap('a very-long-hyphenated-word-here ok', 12, break_on_hyphens=False))
print(wrap('  leading and trailing   ', 10), wrap('  leading and trailing   ', 10, drop_whitespace=False))
print(wrap('Hello there.  How are you? Fine.', 40, fix_sentence_endings=True))
print(wrap('x\ty', 20), wrap('x\ty', 20, expand_tabs=False), wrap('x\ty', 20, tabsize=4), wrap('a\nb', 20, replace_whitespace=False))
print(wrap(text, 30, max_lines=2), wrap(text, 30, max_lines=3, placeholder='...'))
print(shorten('Hello  world!', width=12), shorten('Hello  world!', width=11), shorten('Hello world', 20))
print(shorten(text, 40), shorten(text, 40, placeholder=' (more)'))
print(wrap(''), wrap('   '), fill('one'))
print(repr(dedent('''
    def f():
        return 1
      
    x = 2
''')))
print(repr(dedent('  a\n\tb\n')), repr(dedent('    a\n  b\n      c')), repr(dedent('no indent\n  x')))
print(repr(indent('a\nb\n\nc\n', '> ')), repr(indent('a\n  \nb', '+', lambda line: True)))
t = TextWrapper(width=15, initial_indent='>> ')
print(t.wrap('one two three four five six seven'), t.width)
t.width = 8
print(t.fill('one two three four'))
for bad in (lambda: wrap('abc', 0), lambda: wrap('abc def', 5, max_lines=1, placeholder=' [.......]')):
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
