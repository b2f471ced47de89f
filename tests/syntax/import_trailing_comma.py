# expect-error: 2:26: E0101: trailing comma not allowed without surrounding parentheses
from os import path, sep,
