# Scripts often extend sys.path before importing their own modules. It is
# a list here too (imports were resolved at compile time, so changing it
# changes nothing; see docs/language.md).
import sys

sys.path.insert(0, 'lib')
sys.path.append('/opt/plugins')
print(isinstance(sys.path, list), sys.path[0], sys.path[-1], all(isinstance(p, str) for p in sys.path))
print('sys' in sys.modules, sys.modules['__main__'].__name__, type(sys.modules).__name__)
