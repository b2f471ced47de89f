class Task:
    _next_id = 1

    def __init__(self, title):
        self.id = Task._next_id
        Task._next_id += 1
        self.title = title
        self.done = False

    def __repr__(self):
        return '[%s] #%d %s' % ('x' if self.done else ' ', self.id, self.title)
