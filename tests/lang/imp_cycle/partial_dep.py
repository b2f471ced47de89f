from partial_user import something     # partial_user has not defined it yet
