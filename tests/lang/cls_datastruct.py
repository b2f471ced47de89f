# Linked list, stack and queue classes.


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self._size = 0
        for item in iterable:
            self.append(item)

    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self._size += 1

    def prepend(self, value):
        self.head = Node(value, self.head)
        self._size += 1

    def remove(self, value):
        prev, cur = None, self.head
        while cur is not None:
            if cur.value == value:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self._size -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f"{value!r} not in list")

    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def __iter__(self):
        cur = self.head
        while cur is not None:
            yield cur.value
            cur = cur.next

    def __len__(self):
        return self._size

    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"

    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)


ll = LinkedList([3, 1, 4])
ll.append(1)
ll.prepend(5)
print(ll, len(ll))
ll.remove(1)
print(ll, 4 in ll, 9 in ll)
ll.reverse()
print(ll, list(ll), sum(ll), max(ll))
try:
    ll.remove(42)
except ValueError as e:
    print("ValueError:", e)
print(ll == LinkedList([4, 1, 3, 5]), ll == [4, 1, 3, 5])


class Stack:
    def __init__(self):
        self._items = []

    def push(self, item):
        self._items.append(item)

    def pop(self):
        if self.is_empty():
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def peek(self):
        return self._items[-1]

    def is_empty(self):
        return not self._items

    def __len__(self):
        return len(self._items)


def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for ch in text:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            if st.is_empty() or st.pop() != pairs[ch]:
                return False
    return st.is_empty()


for text in ["(a[b]{c})", "(]", "((", "{[()()]}"]:
    print(text, balanced(text))
s = Stack()
try:
    s.pop()
except IndexError as e:
    print("IndexError:", e)


class Queue:
    def __init__(self, capacity):
        self.buf = [None] * capacity
        self.head = self.tail = self.count = 0

    def enqueue(self, x):
        if self.count == len(self.buf):
            raise OverflowError("queue full")
        self.buf[self.tail] = x
        self.tail = (self.tail + 1) % len(self.buf)
        self.count += 1

    def dequeue(self):
        if self.count == 0:
            raise IndexError("queue empty")
        x = self.buf[self.head]
        self.head = (self.head + 1) % len(self.buf)
        self.count -= 1
        return x

    def __bool__(self):
        return self.count > 0


q = Queue(3)
for i in range(3):
    q.enqueue(i * 10)
try:
    q.enqueue(99)
except OverflowError as e:
    print("OverflowError:", e)
out = []
while q:
    out.append(q.dequeue())
print(out)
q.enqueue("again")
print(q.dequeue(), bool(q))


class Tree:
    def __init__(self, key, left=None, right=None):
        self.key, self.left, self.right = key, left, right

    def insert(self, key):
        if key < self.key:
            if self.left:
                self.left.insert(key)
            else:
                self.left = Tree(key)
        else:
            if self.right:
                self.right.insert(key)
            else:
                self.right = Tree(key)

    def inorder(self):
        if self.left:
            yield from self.left.inorder()
        yield self.key
        if self.right:
            yield from self.right.inorder()

    def height(self):
        return 1 + max(self.left.height() if self.left else 0, self.right.height() if self.right else 0)


root = Tree(50)
for k in [30, 70, 20, 40, 60, 80, 35]:
    root.insert(k)
print(list(root.inorder()), root.height())

# Many instances: method calls in a loop.
class Particle:
    def __init__(self, i):
        self.pos = i
        self.vel = i % 3 - 1

    def step(self):
        self.pos += self.vel
        return self.pos


ps = [Particle(i) for i in range(1000)]
total = 0
for _ in range(50):
    for p in ps:
        total += p.step()
print(total)
