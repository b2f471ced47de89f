# UTF-16 and UTF-32 in str.encode and bytes.decode: BOMs, byte orders,
# pairs above the BMP, and CPython's errors and error handlers.
texts = ["A", "é€😀", "\ud800x", "", "mixed ascii and ünïcödé 𝄞"]
codecs = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "UTF16", "utf_32_be", "U16"]
for s in texts:
    for enc in codecs:
        row = []
        for errs in ["strict", "replace", "ignore", "surrogatepass", "backslashreplace"]:
            try:
                row.append(repr(s.encode(enc, errs)))
            except UnicodeEncodeError as e:
                row.append(f"{type(e).__name__}: {e}")
        print(enc, " | ".join(row))
samples = [
    (b"\xff\xfeA", "utf-16"), (b"A", "utf-16"), (b"A\x00B", "utf-16-le"), (b"\x00\xd8A\x00", "utf-16-le"),
    (b"\x00\xdcA\x00", "utf-16-le"), (b"\x00\xd8", "utf-16-le"), (b"\x00\xd8\x00\xd8\x00\xdc", "utf-16-le"),
    (b"\xfe\xff\x00A", "utf-16"), (b"\x00A", "utf-16-be"), (b"A\x00\x00", "utf-32"), (b"\x00\x00\x11\x00", "utf-32-le"),
    (b"\x00\xd8\x00\x00", "utf-32-le"), (b"\xff\xfe\x00\x00A\x00\x00\x00", "utf-32"), (b"A\x00\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff\x00\x01\xf6\x00", "utf-32"), (b"=\xd8\x00\xde", "utf-16-le"), (b"\xd8=\xde\x00", "utf-16-be"),
]
for data, enc in samples:
    row = []
    for errs in ["strict", "replace", "ignore", "backslashreplace", "surrogatepass"]:
        try:
            row.append(repr(data.decode(enc, errs)))
        except UnicodeDecodeError as e:
            row.append(f"{type(e).__name__}: {e}")
    print(enc, data, " | ".join(row))
for s in texts[:2] + texts[3:]:
    for enc in codecs:
        assert s.encode(enc).decode(enc) == s, (s, enc)
print(len("😀".encode("utf-16-le")) // 2, "hello".encode("utf-16")[:2], bytes("hi", "utf-32-be"), str(b"h\x00i\x00", "utf-16-le"))
