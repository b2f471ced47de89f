# Module names that could clash with the compiler's own symbols: llvm
# (LLVM reserves "llvm." names), a module named like a builtin, and
# dotted names whose parts repeat.
import llvm
import len as length_mod
import a.a.a
from a import a as inner

print(llvm.f(), llvm.__name__, llvm.f.__module__, length_mod.len([1, 2]), len([1]))
print(a.a.a.VALUE, inner.__name__, a.__name__, a.a.__name__, a.a.a.__name__)
