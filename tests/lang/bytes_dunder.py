# bytes(x) calls x's class's __bytes__ (not the instance's), which must return bytes.
class Packet:
    def __init__(self, kind, payload):
        self.kind = kind
        self.payload = payload

    def __bytes__(self):
        return bytes([self.kind, len(self.payload)]) + self.payload


class Wrong:
    def __bytes__(self):
        return "text"


class Sub(bytes):
    pass


p = Packet(3, b"abc")
print(bytes(p), len(bytes(p)), bytes(Sub(b"xy")), type(bytes(Sub(b"xy"))).__name__)
o = Packet(1, b"")
o.__bytes__ = lambda: b"instance"
print(bytes(o))
try:
    bytes(Wrong())
except TypeError as e:
    print("TypeError:", e)
print(bytes(3), bytes([65, 66]), bytes("h\u00e9", "utf-8"))
try:
    bytes(p, "utf-8")
except TypeError as e:
    print("TypeError:", e)
