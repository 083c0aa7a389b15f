"""`manage.py travailleur`: as many synchronous jobs at once as --concurrency says."""

import asyncio
import time

from apps.core.management.commands import travailleur


def test_autant_de_travaux_synchrones_en_parallele_que_la_concurrence(monkeypatch):
    """Python's default pool (cores + 4 threads: 6 here) capped the worker, whatever --concurrency.

    Procrastinate's own worker is replaced by what it does with a synchronous task (the same
    asgiref call, 24 jobs of 0.5 s each): the database-bound rest of it is not under test here.
    """
    from procrastinate import utils

    debut = {}

    async def travailleur_factice(*, concurrency, **options):
        debut["t"] = time.perf_counter()
        await asyncio.gather(*(utils.sync_to_async(time.sleep, 0.5) for _ in range(concurrency)))
        debut["duree"] = time.perf_counter() - debut["t"]
        raise asyncio.CancelledError  # stop: the wrapper would otherwise start it again

    class AppFactice:
        def open_async(self):
            class Ouverte:
                async def __aenter__(self):
                    return self

                async def __aexit__(self, *exc):
                    return False

            return Ouverte()

        run_worker_async = staticmethod(travailleur_factice)

    monkeypatch.setattr(travailleur, "app", AppFactice())
    try:
        asyncio.run(travailleur._travailler(concurrency=24, files=None))
    except asyncio.CancelledError:
        pass
    assert debut["duree"] < 1.5, f"24 travaux de 0,5 s en {debut['duree']:.1f} s"
