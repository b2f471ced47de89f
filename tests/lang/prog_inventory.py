# A small inventory report: dicts, lists, sorting, f-strings, exceptions.

inventory = {
    "apple": {"price": 0.5, "qty": 120},
    "banana": {"price": 0.25, "qty": 0},
    "cherry": {"price": 4.75, "qty": 12},
    "durian": {"price": 12.0, "qty": 3},
}


def total_value(items):
    return sum(info["price"] * info["qty"] for info in items.values())


def restock(items, name, amount):
    if amount <= 0:
        raise ValueError(f"cannot restock {name} by {amount}")
    if name not in items:
        raise KeyError(name)
    items[name]["qty"] += amount
    return items[name]["qty"]


def report(items):
    width = max(len(n) for n in items)
    lines = []
    for name, info in sorted(items.items(), key=lambda kv: -kv[1]["price"]):
        status = "out" if info["qty"] == 0 else "ok"
        lines.append(f"{name:<{width}} {info['price']:>6.2f} x {info['qty']:>3} [{status}]")
    return "\n".join(lines)


print(report(inventory))
print(f"total: {total_value(inventory):,.2f}")
for name, amount in [("banana", 30), ("kiwi", 5), ("apple", -1)]:
    try:
        print(name, "->", restock(inventory, name, amount))
    except KeyError as e:
        print("unknown item:", e)
    except ValueError as e:
        print("error:", e)
low = [n for n, i in inventory.items() if i["qty"] < 20]
print("low stock:", ", ".join(low) or "none")
print({k: v["qty"] for k, v in inventory.items() if v["qty"]})
