class A:
    @classmethod
    def f(cls): return cls
    @staticmethod
    def g(): return 1
    @property
    def p(self): return 2
cm = A.__dict__['f']; sm = A.__dict__['g']; pr = A.__dict__['p']
print(hasattr(cm, '__get__'), hasattr(sm, '__get__'), hasattr(pr, '__get__'), hasattr(pr, '__set__'), hasattr(len, '__get__'), hasattr(A.f, '__get__'))
print(cm.__func__.__name__, sm.__func__.__name__, cm.__get__(None, A)(), sm.__get__(None, A)(), pr.__get__(A()))
print(hasattr(cm, '__set__'), type(cm).__name__)
