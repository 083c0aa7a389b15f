"""The job queue's worker, started again after any failure (docs/exploitation.md, « Les travailleurs »).

Procrastinate's own `procrastinate worker` stops when its connection to PostgreSQL fails (the
LISTEN side task dies with the server). This command runs the same worker and, when it stops
for any other reason than SIGTERM/SIGINT, opens a new connection and starts it again every
second: a database restart never kills the worker.
"""

import asyncio
import logging
import signal
from concurrent.futures import ThreadPoolExecutor

from django.core.management.base import BaseCommand
from django.db import connections
from procrastinate.contrib.django import app

logger = logging.getLogger(__name__)
PAUSE_AVANT_RELANCE = 1.0


class Command(BaseCommand):
    help = "Travailleur de la file de travaux (Procrastinate), relancé seul après une panne de la base."

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, default=8, help="travaux menés en parallèle")
        parser.add_argument("--queues", default="", help="files séparées par des virgules (défaut : toutes)")

    def handle(self, *args, concurrency=8, queues="", **options):
        files = [f for f in queues.split(",") if f] or None
        _pool_a_la_taille(concurrency)
        with app.replace_connector(app.connector.get_worker_connector()):
            asyncio.run(_travailler(concurrency=concurrency, files=files))


def _pool_a_la_taille(concurrency: int) -> None:
    """Every job slot may hold a Django connection (released after each job): the pool of this
    process must have that many, or a job would wait for a connection, then fail."""
    base = connections["default"]
    pool = base.settings_dict["OPTIONS"].get("pool")
    if not pool:
        return
    options = {} if pool is True else dict(pool)
    options["max_size"] = max(options.get("max_size") or 0, concurrency + 2)
    options["min_size"] = min(options.get("min_size", 4), options["max_size"])
    base.close_pool()  # built with the settings' size if anything connected already
    base.settings_dict["OPTIONS"]["pool"] = options


async def _travailler(*, concurrency: int, files: list[str] | None) -> None:
    arret = asyncio.Event()
    boucle = asyncio.get_running_loop()
    # Our tasks are synchronous (Django ORM, HTTP to MTN): Procrastinate runs each in the loop's
    # default thread pool, which Python caps at cores + 4 (6 on 2 cores) whatever --concurrency
    # says. A request-to-pay waits on MTN, not on a core: give every job slot its thread.
    boucle.set_default_executor(ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="travail"))
    for signal_arret in (signal.SIGTERM, signal.SIGINT):
        boucle.add_signal_handler(signal_arret, arret.set)
    while not arret.is_set():
        try:
            async with app.open_async():
                travail = asyncio.create_task(
                    app.run_worker_async(
                        concurrency=concurrency,
                        queues=files,
                        install_signal_handlers=False,
                        # New jobs wake the worker at once (NOTIFY); this only bounds the wait for
                        # jobs scheduled for later (the next check of a pending payment).
                        fetch_job_polling_interval=1,
                    )
                )
                attente_arret = asyncio.create_task(arret.wait())
                await asyncio.wait({travail, attente_arret}, return_when=asyncio.FIRST_COMPLETED)
                if arret.is_set():
                    travail.cancel()  # graceful: running jobs finish, then the worker stops
                    await asyncio.gather(travail, return_exceptions=True)
                    return
                attente_arret.cancel()
                travail.result()
                logger.warning("Le travailleur s'est arrêté : redémarrage")
        except Exception:
            logger.exception("Le travailleur s'est arrêté sur une erreur (base indisponible ?) : redémarrage")
        try:
            await asyncio.wait_for(arret.wait(), PAUSE_AVANT_RELANCE)
        except TimeoutError:
            pass
