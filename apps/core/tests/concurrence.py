"""Run one function from N threads released at the same instant (each with its own connection)."""

import threading

from django.db import connection


def en_meme_temps(fonction, n: int) -> list:
    """The N results (or raised exceptions), in thread order."""
    depart = threading.Barrier(n)
    resultats = [None] * n

    def lancer(i):
        try:
            depart.wait()
            resultats[i] = fonction(i)
        except Exception as exc:  # noqa: BLE001 - returned to the test, which checks it
            resultats[i] = exc
        finally:
            connection.close()

    fils = [threading.Thread(target=lancer, args=(i,)) for i in range(n)]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()
    return resultats
