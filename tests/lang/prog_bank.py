# A tiny bank: classes, inheritance, properties, exceptions, sorting, f-strings.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed:.2f}, have {available:.2f}")
        self.needed = needed
        self.available = available


class Account:
    _next_id = 1

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self._balance:.2f})"

    def __lt__(self, other):
        return self._balance < other._balance


class Savings(Account):
    rate = 0.02

    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest

    def __repr__(self):
        return "Savings:" + super().__repr__()


accounts = [Account("ann", 100), Savings("bob", 250.5), Account("cy")]
accounts[2].deposit(75.25)
for acct in accounts:
    try:
        acct.withdraw(120)
    except InsufficientFunds as e:
        print(f"{acct.owner}: refused ({e}); short by {e.needed - e.available:.2f}")
print(sorted(accounts), max(accounts).owner)
print(accounts[1].add_interest(), accounts[1].balance)
print([(a.id, len(a.history)) for a in accounts])
try:
    accounts[0].deposit(-5)
except ValueError as e:
    print("error:", e)
print(isinstance(accounts[1], Account), issubclass(Savings, Account), Savings.rate)
totals = {}
for a in accounts:
    kind = type(a).__name__
    totals[kind] = totals.get(kind, 0) + a.balance
for kind, total in sorted(totals.items()):
    print(f"{kind:>8}: {total:10,.2f}")
