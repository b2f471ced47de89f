# Slices of exact str objects use a stack slice; str subclasses get a real
# slice object.


class S(str):
    def __getitem__(self, k):
        print("S.__getitem__", type(k).__name__, k.start, k.stop, k.step)
        return str.__getitem__(self, k)


def run(text):
    out = []
    pos = 0
    while pos < len(text):
        end = text.find(",", pos)
        if end < 0:
            end = len(text)
        out.append(text[pos:end])
        pos = end + 1
    out.append(text[::-1])
    out.append(text[-3:])
    out.append(text[2:100:3])
    out.append("héllo wörld"[1:8:2])
    out.append(S("subclass")[1:4])
    try:
        out.append(text[1:"x"])
    except TypeError as e:
        out.append(str(e))
    return out


print(run("alpha,beta,,gamma,delta"))
