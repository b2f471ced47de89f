import types
print(types.FunctionType, types.MethodType, types.GenericAlias, types.UnionType, types.NoneType)
print(types.SimpleNamespace(a=1, b='x'), types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1))
ns = types.SimpleNamespace(x=1); ns.y = 2; print(ns, ns.x)
print(types.GenericAlias(list, (int,)), types.MethodType)
def f(self): return self
m = types.MethodType(f, 5); print(m())
print(isinstance(len, types.BuiltinFunctionType), isinstance(f, types.FunctionType))
print(types.ModuleType, type(types))
