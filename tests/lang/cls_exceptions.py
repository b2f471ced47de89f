# A custom exception hierarchy: raised, caught, inspected.


class AppError(Exception):
    """Base of the application's errors."""


class ValidationError(AppError, ValueError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field


class NotFound(AppError):
    def __init__(self, key):
        self.key = key

    def __str__(self):
        return f"no such key: {self.key!r}"


class RetryableError(AppError):
    def __init__(self, msg, attempts=3):
        super().__init__(msg, attempts)
        self.attempts = attempts


def validate(age):
    if not isinstance(age, int):
        raise ValidationError("age", "must be an int")
    if age < 0:
        raise ValidationError("age", f"negative ({age})")
    return age


for value in [5, -1, "x"]:
    try:
        print("ok", validate(value))
    except ValidationError as e:
        print("invalid:", e, "| field:", e.field, "| args:", e.args)

try:
    raise NotFound("k1")
except AppError as e:
    print(type(e).__name__, str(e), e.args, e.key, repr(e))

try:
    raise RetryableError("timeout", attempts=5)
except (NotFound, RetryableError) as e:
    print(e, e.args, e.attempts)

try:
    validate(-3)
except ValueError as e:
    print("caught as ValueError:", e)

print(issubclass(ValidationError, ValueError), issubclass(NotFound, ValueError))
print(isinstance(ValidationError("a", "b"), Exception))
print(AppError.__doc__ is None or len(AppError.__doc__) > 0)
print(repr(AppError("x", 1)), str(AppError()), repr(AppError()))


class Wrapped(Exception):
    pass


def outer():
    try:
        raise NotFound("inner")
    except NotFound as e:
        raise Wrapped("outer failed") from e


try:
    outer()
except Wrapped as e:
    print(e, "| cause:", repr(e.__cause__), "| ctx is cause:", e.__context__ is e.__cause__)

try:
    try:
        raise AppError("first")
    except AppError:
        raise RetryableError("second")
except RetryableError as e:
    print(e, "| context:", e.__context__)

e = AppError("manual")
e.extra = 42
print(e.extra, e.args)
e.args = ("changed",)
print(e)


class Stack:
    class Empty(Exception):
        pass

    def __init__(self):
        self._items = []

    def pop(self):
        if not self._items:
            raise Stack.Empty("pop from empty stack")
        return self._items.pop()


try:
    Stack().pop()
except Stack.Empty as e:
    print(type(e).__qualname__, e)

errors = [AppError, ValidationError, NotFound, RetryableError]
for cls in errors:
    print(cls.__name__, [k.__name__ for k in cls.__mro__])

raise ValidationError("name", "must not be empty")
