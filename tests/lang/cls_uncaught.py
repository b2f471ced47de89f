# An exception class defined in Python escapes: the traceback's last line
# uses the class's qualified name, and its __str__.


class Inventory:
    class OutOfStock(LookupError):
        def __init__(self, item, wanted):
            super().__init__(item, wanted)
            self.item = item
            self.wanted = wanted

        def __str__(self):
            return f"only {self.wanted - 1} left of {self.item!r}"

    def __init__(self):
        self.stock = {"apple": 3}

    def take(self, item, n):
        if self.stock.get(item, 0) < n:
            raise Inventory.OutOfStock(item, n)
        self.stock[item] -= n
        return n


inv = Inventory()
print(inv.take("apple", 2))
try:
    inv.take("pear", 1)
except LookupError as e:
    print("caught:", e, e.args)
inv.take("apple", 4)
