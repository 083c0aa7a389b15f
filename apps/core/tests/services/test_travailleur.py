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


def test_le_pool_de_connexions_du_travailleur_suit_la_concurrence():
    """Each job slot may hold a Django connection: 32 slots and a pool of 16 would make jobs wait
    for a connection, then fail. The worker's pool gets --concurrency + 2."""
    from django.db import connections

    base = connections["default"]
    options = base.settings_dict["OPTIONS"]
    avant, age = options.get("pool"), base.settings_dict["CONN_MAX_AGE"]
    options["pool"] = {"min_size": 2, "max_size": 16, "timeout": 5.0}
    base.settings_dict["CONN_MAX_AGE"] = 0  # as with the pool (pytest's own process has none)
    try:
        travailleur._pool_a_la_taille(32)
        assert options["pool"]["max_size"] == 34
        assert base.pool.max_size == 34  # the pool is built with it
        travailleur._pool_a_la_taille(4)
        assert options["pool"]["max_size"] == 34  # never made smaller than configured
    finally:
        base.close_pool()
        base.settings_dict["CONN_MAX_AGE"] = age
        if avant is None:
            options.pop("pool")
        else:
            options["pool"] = avant
