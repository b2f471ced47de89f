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

# Alternatives starting with different characters (a set of first
# characters to skip ahead to), str of every width and bytes.
for pat, s in [("Python|Perl|Tcl", "--Tc--Tcl--Perl"), ("(?:ab|cd)+x", "abab cdabx"),
               ("é|ü|a", "xxü-é"), ("Zz|\u20ac", "..\u20ac..Zz"), ("[ab]|cd", "xxcdb"),
               ("(?:x|y)?z", "..z"), ("x|y|", "abc"), ("\\bx|\\by", "ax y")]:
    print(repr(pat), [m.span() for m in re.finditer(pat, s)])
print(re.search(b"Tcl|Perl", b"..Perl.Tcl").span(), re.search("a|b", "\U0001F600b").span())
