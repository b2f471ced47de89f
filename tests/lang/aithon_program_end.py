# aithon: the program ends when its main code finishes; processes still
# running (computing, sleeping, waiting for messages) end with it.
import aithon
import time


def spin():
    n = 0
    while True:
        n += 1


def nap():
    time.sleep(60)
    print("nap: not reached")


def wait_forever():
    aithon.receive()
    print("wait: not reached")


class Idle(aithon.GenServer):
    pass


aithon.spawn(spin)
aithon.spawn(nap)
aithon.spawn_link(wait_forever)
aithon.supervisor([aithon.child("w", wait_forever)])
Idle.start()
print("main is done")
