def div(a, b):
    return a / b

def main(n, scale=3):
    print("hello", 42, 2**100, 0.1, -0.0, 1e16, True, None, sep=", ")
    print(div(7, 2), div(n, scale), repr("it's"), (1, 'a', 2.5), end="!\n")
    return div(n, 0)

main(10)
