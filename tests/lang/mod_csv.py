import csv
import io

rows = [['name', 'qty', 'note'], ['apple', 3, 'red, round'], ['pear', 1.5, 'say "hi"'], ['fig', None, 'multi\nline'], ['', '', ''], ['x']]
buf = io.StringIO()
w = csv.writer(buf)
for r in rows:
    print(w.writerow(r), end=' ')
w.writerow([''])
w.writerows([[1, 2], [3, 4]])
print()
print(repr(buf.getvalue()))
data = buf.getvalue()
print(list(csv.reader(io.StringIO(data, newline=''))))
print(list(csv.reader(data.splitlines(True))))
for q in (csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL):
    b = io.StringIO()
    csv.writer(b, quoting=q, lineterminator='\n').writerow(['a', 1, 2.5, None, 'b c'])
    print(repr(b.getvalue()))
b = io.StringIO()
csv.writer(b, delimiter=';', quoting=csv.QUOTE_NONE, escapechar='\\').writerow(['a;b', 'c"d', 'e'])
print(repr(b.getvalue()))
b = io.StringIO()
csv.writer(b, doublequote=False, escapechar='\\').writerow(['say "x"'])
print(repr(b.getvalue()))
print(list(csv.reader(['a,b,c', ' d, e ,f', '"g,h",i', '"j""k",l', ',,'])))
print(list(csv.reader(['a, "b c", d'], skipinitialspace=True)), list(csv.reader(['a\tb\tc'], dialect='excel-tab')))
print(list(csv.reader(['1,"2",x'], quoting=csv.QUOTE_NONNUMERIC)) if False else list(csv.reader(['1,"x",3.5'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['a\\,b,c'], escapechar='\\')), list(csv.reader(['"a"b,c'])), list(csv.reader(['', 'a'])))
text = 'id,name,score\n1,Ann,90\n2,Bob,85\n\n3,Cy\n4,Di,70,extra\n'
dr = csv.DictReader(io.StringIO(text))
print(dr.fieldnames)
for row in dr:
    print(row, dr.line_num)
print(list(csv.DictReader(io.StringIO(text), restkey='rest', restval='NA'))[-2:])
print(list(csv.DictReader(['a;b', '1;2'], fieldnames=['x', 'y'], delimiter=';')))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=['id', 'name'], lineterminator='\n')
dw.writeheader()
dw.writerow({'id': 1, 'name': 'Ann'})
dw.writerows([{'id': 2}, {'name': 'x,y', 'id': 3}])
print(repr(out.getvalue()))
try:
    dw.writerow({'id': 1, 'bogus': 2})
except ValueError as e:
    print('ValueError', e)
print(csv.list_dialects()[:3], csv.get_dialect('excel').delimiter, csv.QUOTE_NONE, csv.field_size_limit())
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
b = io.StringIO()
csv.writer(b, 'pipes').writerow(['a', 'b'])
print(repr(b.getvalue()), list(csv.reader(['"a"|"b"'], 'pipes')))


class Semi(csv.excel):
    delimiter = ';'


print(list(csv.reader(['1;2;3'], Semi)))
for bad in (lambda: list(csv.reader(['"a"b'], strict=True)), lambda: list(csv.reader(['"abc'], strict=True)),
            lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']), lambda: csv.get_dialect('nope'),
            lambda: csv.reader([], delimiter='ab'), lambda: list(csv.reader(['a\0b'])), lambda: csv.writer(io.StringIO()).writerow(5)):
    try:
        print(bad())
    except (csv.Error, TypeError) as e:
        print(type(e).__name__, e)
r = csv.reader(['a,b', 'c,d'])
next(r)
print(r.line_num, r.dialect.delimiter)
