"""unicodedata against CPython 3.11's over every plane (issue 11): each
property of every 11th code point, the four normal forms of each with two
combining marks after it, and name/lookup round trips of every 13th. A
cli test rather than a language test: it is too long to run again under
AITHON_GC_STRESS, whose collections cost more with the module's megabyte
of tables loaded.
"""

import os
import subprocess
import sys

from _cli import TMP, check, finish, run, write

AITHONC = os.path.abspath(sys.argv[1])

write('ucd_all.py', '''
import unicodedata as u, hashlib
h = {k: hashlib.sha256() for k in ("name", "cat", "bidi", "eaw", "mir", "ccc", "num", "dec", "nfc", "nfd", "nfkc", "nfkd")}
for cp in range(0, 0x110000, 11):
    c = chr(cp)
    h["name"].update(u.name(c, "-").encode())
    h["cat"].update(u.category(c).encode())
    h["bidi"].update(u.bidirectional(c).encode())
    h["eaw"].update(u.east_asian_width(c).encode())
    h["mir"].update(b"%d" % u.mirrored(c))
    h["ccc"].update(b"%d" % u.combining(c))
    h["num"].update(repr((u.numeric(c, None), u.digit(c, None), u.decimal(c, None))).encode())
    h["dec"].update(u.decomposition(c).encode())
    if 0xd800 <= cp < 0xe000: continue
    s = c + "\u0323\u0301"
    h["nfc"].update(u.normalize("NFC", s).encode())
    h["nfd"].update(u.normalize("NFD", s).encode())
    h["nfkc"].update(u.normalize("NFKC", s).encode())
    h["nfkd"].update(u.normalize("NFKD", s).encode())
for k, v in h.items(): print(k, v.hexdigest()[:16])
n = 0
for cp in range(0, 0x110000, 13):
    nm = u.name(chr(cp), None)
    if nm is not None and u.lookup(nm) != chr(cp): print("lookup", hex(cp))
    n += nm is not None
print(n)
''')

rc, out, err = run([AITHONC, 'ucd_all.py', '-o', 'ucd_all'])
if check(rc == 0, 'ucd_all compiles', err):
    want = subprocess.run([sys.executable, '-E', 'ucd_all.py'], cwd=TMP, capture_output=True)
    got = subprocess.run([os.path.join(TMP, 'ucd_all')], cwd=TMP, capture_output=True, timeout=300)
    check((got.returncode, got.stdout) == (want.returncode, want.stdout), 'unicodedata tables as CPython',
          'got %r\nwant %r' % ((got.returncode, got.stdout, got.stderr), (want.returncode, want.stdout)))
finish()
