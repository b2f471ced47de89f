VALUE = "a.a.a"
