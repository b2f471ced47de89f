# bytes and bytearray: literals, indexing (ints), slicing, methods, hex,
# encode/decode round trips, mutation of a bytearray, int.to_bytes.

packet = b"GET /index.html HTTP/1.1\r\nHost: example.org\r\n\r\n"
print(len(packet), packet[0], packet[-1], packet[:3], packet[4:15])
request_line, _, rest = packet.partition(b"\r\n")
method, path, version = request_line.split()
print(method, path, version, method.decode(), path.lower(), version.startswith(b"HTTP"))
headers = [h for h in rest.split(b"\r\n") if h]
for h in headers:
    key, _, value = h.partition(b": ")
    print(key.decode().upper(), "=>", value, value.find(b"."), value.count(b"e"))

data = bytes(range(0, 256, 37))
print(data, list(data), data.hex(), data.hex(":"), data.hex(" ", 2))
print(bytes.fromhex("de ad be ef"), bytes.fromhex("00ff").hex(), b"abc" * 2, b"a" + b"bc")
print(b"x" in b"xyz", 121 in b"xyz", b"" in b"a", b"abc" < b"abd", b"abc" == bytearray(b"abc"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\\\x00\xff"), str(b"ok"))

text = "Grüße, 世界!"
encoded = text.encode("utf-8")
print(encoded, len(text), len(encoded), encoded.decode("utf-8") == text)
print(text.encode("latin-1", "replace"), encoded.decode("latin-1"), encoded.decode("ascii", "replace"))
print(encoded[:3].decode("utf-8", "backslashreplace"), encoded[:3].decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))

buf = bytearray(b"hello world")
buf[0] = ord("H")
buf[6:11] = b"There"
buf.extend(b"!!")
buf.append(0x21)
buf.insert(0, 62)
print(buf, len(buf), buf.pop(), buf.pop(0), buf)
buf.remove(ord("o"))
buf.reverse()
print(buf, bytes(buf), buf.upper(), buf.count(b"e"), buf.find(b"T"))
del buf[::2]
print(buf, buf.decode(), bytearray(3), bytearray("añ", "utf-8"), bytearray([65, 66]))
buf.clear()
print(buf, len(buf), bytearray(b"a,b").split(b","), b"-".join([b"x", bytearray(b"y")]))

for n in [0, 1, 255, 256, 65535, -1, -129, 2**40]:
    size = max(1, (n.bit_length() + 8) // 8)
    be = n.to_bytes(size, "big", signed=True)
    le = n.to_bytes(size, "little", signed=True)
    print(n, size, be, le, int.from_bytes(be, "big", signed=True), int.from_bytes(le, "little", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes([1, 2, 3], "little"), (1024).to_bytes(2, "big"))
checksum = 0
for byte in packet:
    checksum = (checksum * 31 + byte) % 65521
print("checksum", checksum, hex(checksum), f"{checksum:#06x}", f"{checksum:016b}")
print(b"  padded  ".strip(), b"xxhixx".strip(b"x"), b"a\tb".expandtabs(4), b"abc".center(9, b"*"))
print(b"hello world".title(), b"Hello".swapcase(), b"42".zfill(5), b"a1".isalnum(), b" ".isspace())
print(b"one two  three".split(None, 1), b"a,b,,c".split(b","), b"line1\nline2\r\n".splitlines(True))
print(b"abc".replace(b"b", b"BBB"), b"abcabc".rfind(b"bc"), b"abc".removeprefix(b"a"), b"abc".translate(None, b"b"))
