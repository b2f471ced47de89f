import html
from html.entities import name2codepoint, codepoint2name, entitydefs, html5
print(html.escape('<a href="x">Tom & Jerry\'s</a>'), html.escape("<'\">", quote=False))
for s in ['&lt;p&gt; &amp;amp; &quot;q&quot; &#39; &#x27; &#X41;', '&copy 2024 &copy; &notit; &notin; &not',
          '&#0; &#13; &#128; &#x81; &#150; &#xD800; &#x110000; &#1; &#11; &#xFDD0; &#xFFFE; &#x1FFFF; &#65;&#x42;',
          '&unknown; &amp &ampx &#; &#x; & alone', '&AElig&Eacute;&eacute&hearts;&NotNestedGreaterGreater;',
          'no refs', '&lt&gt&amp', '&#9999999999;', '&' + 'a' * 40 + ';']:
    print(repr(html.unescape(s)))
print(len(name2codepoint), len(codepoint2name), len(entitydefs), len(html5), name2codepoint['eacute'], html5['gt;'], entitydefs['amp'])
print(html.unescape(html.escape('a < b && c > "d"')))
