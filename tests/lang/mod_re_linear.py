import re, time
# Patterns whose backtracking is exponential run in linear time (the
# engine switches to its automaton); CPython's answers, with inputs small
# enough for CPython to give them quickly.
print(re.match(r'(a*)*b', 'a' * 12), re.match(r'(a|aa)*c', 'a' * 12 + 'b'), re.search(r'(x+x+)+y', 'x' * 10))
print(re.match(r'(a*)*b', 'a' * 25 + 'b').groups(), re.match(r'^(\w+\s?)*$', 'an example sentence!'))
s = 'the quick brown fox jumps over the lazy dog ' * 100
print(len(re.findall(r'\b\w+\b', s)), len(re.sub(r'o', '0', s)), len(re.split(r'\s+', s)))
words = re.findall(r'[a-z]+', s)
print(len(words), sum(1 for w in words if re.fullmatch(r'[aeiou].*', w)))
lines = ['2023-01-%02d ERROR something %d' % (i % 28 + 1, i) for i in range(300)]
pat = re.compile(r'(\d{4})-(\d{2})-(\d{2}) (\w+) (.*)')
print(sum(1 for l in lines if pat.match(l).group(4) == 'ERROR'))
