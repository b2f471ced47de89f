# json-like parsing: a hand-written recursive-descent parser for a JSON
# subset, character by character, over a generated document.
import sys


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, msg):
        raise ValueError("%s at %d" % (msg, self.pos))

    def skip_ws(self):
        text = self.text
        n = len(text)
        p = self.pos
        while p < n and text[p] in " \t\n\r":
            p += 1
        self.pos = p

    def parse(self):
        self.skip_ws()
        c = self.text[self.pos]
        if c == "{":
            return self.parse_object()
        if c == "[":
            return self.parse_array()
        if c == '"':
            return self.parse_string()
        if c == "t":
            self.pos += 4
            return True
        if c == "f":
            self.pos += 5
            return False
        if c == "n":
            self.pos += 4
            return None
        return self.parse_number()

    def parse_object(self):
        self.pos += 1
        out = {}
        self.skip_ws()
        if self.text[self.pos] == "}":
            self.pos += 1
            return out
        while True:
            self.skip_ws()
            key = self.parse_string()
            self.skip_ws()
            if self.text[self.pos] != ":":
                self.error("expected :")
            self.pos += 1
            out[key] = self.parse()
            self.skip_ws()
            c = self.text[self.pos]
            self.pos += 1
            if c == "}":
                return out
            if c != ",":
                self.error("expected , or }")

    def parse_array(self):
        self.pos += 1
        out = []
        self.skip_ws()
        if self.text[self.pos] == "]":
            self.pos += 1
            return out
        while True:
            out.append(self.parse())
            self.skip_ws()
            c = self.text[self.pos]
            self.pos += 1
            if c == "]":
                return out
            if c != ",":
                self.error("expected , or ]")

    def parse_string(self):
        text = self.text
        start = self.pos + 1
        end = text.index('"', start)
        self.pos = end + 1
        return text[start:end]

    def parse_number(self):
        text = self.text
        start = self.pos
        p = start
        while p < len(text) and text[p] in "0123456789.-eE+":
            p += 1
        self.pos = p
        s = text[start:p]
        if "." in s or "e" in s or "E" in s:
            return float(s)
        return int(s)


def gen_doc(n):
    items = []
    for i in range(n):
        items.append('{"id": %d, "name": "item%d", "price": %d.%02d, "tags": ["a", "b%d"], '
                     '"ok": %s, "none": null}' % (i, i, i % 1000, i % 100, i % 10,
                                                   "true" if i % 3 else "false"))
    return '{"items": [' + ",\n ".join(items) + '], "count": %d}' % n


def main(n):
    doc = gen_doc(n)
    total = 0.0
    count = 0
    for _ in range(3):
        d = Parser(doc).parse()
        for it in d["items"]:
            total += it["price"]
            if it["ok"]:
                count += len(it["tags"][1])
    print(d["count"], count, "%.2f" % total)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 45000)
