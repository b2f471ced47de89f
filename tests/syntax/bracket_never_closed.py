# expect-error: 2:8: E0108: '(' was never closed
x = foo(1,
        2
y = 3
