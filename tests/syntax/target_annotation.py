# expect-error: 2:1: E0101: only single target (not tuple) can be annotated
(a, b): int = 1
