# Searches with alternatives that share their first character (the engine
# skips ahead to that character): results must be what a scan finds.
import re

text = "--Pe--Perl--PythonPy--Pascal"
for pat in ["Python|Perl", "(Python|Perl)", "(?:Pascal|Py)", "P(?:x|ython)|Perl",
            "Python|Perl|", "(?:Pe|Py)+", "(P)ython|(P)erl", "Py|Pe|Pa"]:
    r = re.compile(pat)
    print(repr(pat), [m.span() for m in r.finditer(text)], r.search(text, 7))
print(re.sub("Perl|Python", "X", text), re.split("(Pe|Py)", text))
print(re.search(b"Python|Perl", b"--Perl").span())
print(re.findall("(?i)python|perl", "PERL pYTHON"))
