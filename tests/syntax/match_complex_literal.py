# expect-error: 3:14: E0101: imaginary number required in complex literal
match x:
    case 1 + 1:
        pass
