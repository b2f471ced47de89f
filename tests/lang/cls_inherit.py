# Inheritance: super().__init__, overriding, class attributes, MRO.


class Animal:
    kingdom = "animalia"
    count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def describe(self):
        return f"{type(self).__name__}({self.name}): {self.speak()}"

    def __repr__(self):
        return f"<{self.__class__.__name__} {self.name}>"


class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name, "woof")
        self.breed = breed

    def speak(self):
        return super().speak() + "!"

    def fetch(self):
        return f"{self.name} fetches"


class Puppy(Dog):
    def speak(self):
        base = super().speak()
        return base.upper()


class Cat(Animal):
    sound = "meow"

    def __init__(self, name):
        Animal.__init__(self, name, Cat.sound)


animals = [Animal("generic"), Dog("rex", "lab"), Puppy("bit", "pug"), Cat("tom")]
for a in animals:
    print(a.describe())
print(animals)
print(Animal.count, Dog.count, animals[1].count)
print(Dog.kingdom, animals[2].kingdom)
print(isinstance(animals[2], Dog), isinstance(animals[2], Animal), isinstance(animals[3], Dog))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, (Cat, Animal)))
print(issubclass(Dog, object), isinstance(animals[0], object))
print(Puppy.__mro__)
print(Puppy.__bases__, Animal.__bases__)
print(Puppy.__name__, Puppy.__qualname__, Puppy.__module__)
print(type(animals[1]) is Dog, type(animals[1]) == Animal)
print(animals[1].fetch(), animals[2].fetch())
print(Dog.speak(animals[2]))
print(Animal.speak(animals[1]))

# Class attribute shadowed by an instance attribute, then deleted.
c = Cat("felix")
print(c.kingdom)
c.kingdom = "mine"
print(c.kingdom, Cat.kingdom)
del c.kingdom
print(c.kingdom)
Animal.kingdom = "changed"
print(c.kingdom, Dog.kingdom)

# Diamond inheritance and the C3 MRO.
class A:
    def who(self):
        return "A"

class B(A):
    def who(self):
        return "B>" + super().who()

class C(A):
    def who(self):
        return "C>" + super().who()

class D(B, C):
    def who(self):
        return "D>" + super().who()

print(D().who())
print([k.__name__ for k in D.__mro__])
print(isinstance(D(), C), issubclass(D, C))


class Mixin:
    def greet(self):
        return "hello from " + self.name


class Named(Mixin, object):
    def __init__(self, name):
        self.name = name


print(Named("mix").greet())

# Methods added to a class after instances exist.
def bark(self):
    return self.name + " barks"

Dog.bark = bark
print(animals[1].bark(), animals[2].bark())
Dog.speak = lambda self: "overridden"
print(animals[1].speak(), animals[2].speak())
del Dog.speak
print(animals[1].speak())
print(hasattr(animals[1], "fetch"), hasattr(animals[0], "fetch"))
print(getattr(animals[0], "missing", "default"))
try:
    animals[0].missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Animal.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad3(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)
