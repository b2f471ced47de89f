# A small bank: accounts, transactions, errors, reports.


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance is {account.balance}")
        self.account = account
        self.amount = amount


class FrozenAccount(Exception):
    pass


class Transaction:
    def __init__(self, kind, amount, balance_after):
        self.kind = kind
        self.amount = amount
        self.balance_after = balance_after

    def __repr__(self):
        return f"Transaction({self.kind!r}, {self.amount}, {self.balance_after})"


class Account:
    _next_number = 1000
    bank_name = "PyBank"

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.number = Account._next_number
        Account._next_number += 1
        self.history = []
        self.frozen = False

    @property
    def balance(self):
        return self._balance

    def _record(self, kind, amount):
        self.history.append(Transaction(kind, amount, self._balance))

    def deposit(self, amount):
        if self.frozen:
            raise FrozenAccount(f"account {self.number} is frozen")
        if amount <= 0:
            raise ValueError("deposit amount must be positive")
        self._balance += amount
        self._record("deposit", amount)
        return self

    def withdraw(self, amount):
        if self.frozen:
            raise FrozenAccount(f"account {self.number} is frozen")
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self._record("withdraw", amount)
        return self

    def transfer(self, other, amount):
        self.withdraw(amount)
        try:
            other.deposit(amount)
        except FrozenAccount:
            self.deposit(amount)  # roll back
            raise

    def __str__(self):
        return f"#{self.number} {self.owner}: {self._balance}"

    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance})"

    def __lt__(self, other):
        return self._balance < other._balance

    def __eq__(self, other):
        return isinstance(other, Account) and self.number == other.number

    def __hash__(self):
        return hash(self.number)


class SavingsAccount(Account):
    rate = 0.05

    def __init__(self, owner, balance=0, rate=None):
        super().__init__(owner, balance)
        if rate is not None:
            self.rate = rate

    def add_interest(self):
        interest = round(self._balance * self.rate)
        if interest:
            self.deposit(interest)
        return interest

    def withdraw(self, amount):
        if amount > 500:
            raise ValueError("savings withdrawals are limited to 500")
        return super().withdraw(amount)

    def __str__(self):
        return super().__str__() + f" (savings at {self.rate:.0%})"


class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, cls, *args, **kwargs):
        acct = cls(*args, **kwargs)
        self.accounts[acct.number] = acct
        return acct

    def total(self):
        return sum(a.balance for a in self.accounts.values())

    def richest(self, n=2):
        return sorted(self.accounts.values(), reverse=True)[:n]

    def __len__(self):
        return len(self.accounts)

    def __iter__(self):
        return iter(sorted(self.accounts.values(), key=lambda a: a.owner))

    def __contains__(self, acct):
        return acct.number in self.accounts


bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(SavingsAccount, "bob", 1000)
carol = bank.open(SavingsAccount, "carol", rate=0.1)
print(len(bank), bank.total())
alice.deposit(50).withdraw(30)
print(alice, alice.history)
bob.transfer(alice, 200)
print(alice.balance, bob.balance)
print(bob.add_interest(), carol.add_interest(), str(bob))
carol.deposit(40)
print(carol.add_interest(), carol)

for attempt in [lambda: alice.withdraw(10_000), lambda: bob.withdraw(600), lambda: alice.deposit(-5)]:
    try:
        attempt()
    except InsufficientFunds as e:
        print("InsufficientFunds:", e, "| short by", e.amount - e.account.balance)
    except ValueError as e:
        print("ValueError:", e)

carol.frozen = True
try:
    alice.transfer(carol, 20)
except FrozenAccount as e:
    print("FrozenAccount:", e, "| alice still has", alice.balance)

print([str(a) for a in bank])
print(bank.richest())
print(alice in bank, Account("dave") in bank)
print({alice: "a"}[alice], alice == bob, alice != bob)
print(Account.bank_name, bob.bank_name, SavingsAccount.rate, carol.rate)
print(isinstance(bob, Account), issubclass(SavingsAccount, Account), type(bob).__name__)
try:
    alice.balance = 1_000_000
except AttributeError as e:
    print("AttributeError:", e)
report = {type(a).__name__: 0 for a in bank}
for a in bank:
    report[type(a).__name__] += a.balance
print(report)
