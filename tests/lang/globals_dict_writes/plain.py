X = 1


def get():
    return X
