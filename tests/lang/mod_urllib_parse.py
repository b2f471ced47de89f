from urllib.parse import (urlparse, urlsplit, urlunparse, urlunsplit, urljoin, urldefrag, quote, quote_plus,
                          unquote, unquote_plus, urlencode, parse_qs, parse_qsl, unquote_to_bytes, quote_from_bytes)
import urllib.parse
urls = ["https://user:pw@Example.COM:8080/a/b;p=1?x=1&y=2#frag", "http://[::1]:80/x", "file:///etc/passwd",
        "//host/path", "mailto:joe@example.com", "relative/path?q", "HTTP://x.org", "  http://a.b/c\t d",
        "https://example.com", "a:b", "1http://x", "http://h/p;a;b", "tel:+1-555", "http://h:/p"]
for u in urls:
    p = urlparse(u)
    print(p)
    print(p.hostname, p.port, p.username, p.password, p.geturl())
    s = urlsplit(u)
    print(s, urlunsplit(s) == s.geturl(), urlunparse(p))
print(urlparse("http://x/y", scheme="ftp"), urlparse("y/z", scheme="ftp"))
print(urlparse("http://a/b#c", allow_fragments=False))
try:
    urlparse("http://[::1/x")
except ValueError as e:
    print(e)
try:
    urlparse("http://h:99999/").port
except ValueError as e:
    print(e)
try:
    urlparse("http://h:ab/").port
except ValueError as e:
    print(e)
base = "http://a/b/c/d;p?q"
for ref in ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "", ".", "./",
            "..", "../", "../g", "../..", "../../", "../../g", "../../../g", "/./g", "/../g", "g.", ".g", "g..",
            "..g", "./../g", "./g/.", "g/./h", "g/../h", "https://other/x"]:
    print(repr(ref), urljoin(base, ref))
print(urljoin("http://x.com/dir/", "page.html"), urljoin("", "a"), urljoin("a", ""))
print(urldefrag("http://x/y#z"), urldefrag("http://x/y").geturl(), urldefrag("a#b").fragment)
for s in ["hello world", "a/b c?d=e&f", "ünïcode", "~_.-", "", "100%", "a+b"]:
    print(repr(quote(s)), repr(quote(s, safe='')), repr(quote_plus(s)), repr(quote_plus(s, safe='/')))
print(quote(b"\x00\xff abc"), quote_from_bytes(b"a b", safe=" "), quote("é", encoding="latin-1"))
for s in ["hello%20world", "%7e%7E", "a+b%2Bc", "%zz%", "%", "%e2%82%ac", "%ff", "x%2", "é%41"]:
    print(repr(unquote(s)), repr(unquote_plus(s)), unquote_to_bytes(s))
print(urlencode({"q": "hello world", "lang": "en", "n": 3}))
print(urlencode([("a", 1), ("a", 2), ("b", "x&y")]))
print(urlencode({"tags": ["a", "b c"], "k": "v"}, doseq=True))
print(urlencode({"tags": ["a", "b"]}))
print(urlencode({"p": "/x y"}, quote_via=quote), urlencode({b"k": b"v w"}))
try:
    urlencode("abc")
except TypeError as e:
    print(e)
qs = "a=1&b=2&a=3&c=&d&e=%20x+y"
print(parse_qs(qs))
print(parse_qs(qs, keep_blank_values=True))
print(parse_qsl(qs), parse_qsl(qs, keep_blank_values=True))
print(parse_qsl("a=1;b=2", separator=";"), parse_qs(""), parse_qsl(b"x=1"))
try:
    parse_qsl("a=1&b", strict_parsing=True)
except ValueError as e:
    print(e)
try:
    parse_qsl("a=1&b=2", max_num_fields=1)
except ValueError as e:
    print(e)
r = urlparse("https://docs.python.org/3/library/urllib.parse.html?highlight=url#module-urllib.parse")
print(r.scheme, r.netloc, r.path, r.query, r.fragment, r._replace(fragment="").geturl())
print(r[0], len(r), tuple(r)[:2], type(r).__name__, r._fields)
print(urllib.parse.urlunsplit(("https", "h", "p", "", "")), urlunsplit(("", "", "p", "q", "")))
