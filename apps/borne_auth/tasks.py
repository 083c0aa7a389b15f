"""Periodic purges of what the sign-in and the abuse limits count (docs/securite-identite.md)."""

from procrastinate.contrib.django import app

from apps.borne_auth.services import sessions_purger, tentatives_purger
from apps.core.limites import demandes_limitees_purger
from apps.core.services import compteurs_fenetre_purger


@app.periodic(cron="*/10 * * * *", periodic_id="tentatives_purge")
@app.task(name="periodique.tentatives_purge", queue="periodiques", queueing_lock="purge_tentatives")
def tentatives_purge(timestamp: int) -> None:
    """Failed sign-ins older than the lockout window no longer count."""
    tentatives_purger()


@app.periodic(cron="17 * * * *", periodic_id="compteurs_purge")
@app.task(name="periodique.compteurs_purge", queue="periodiques", queueing_lock="purge_compteurs")
def compteurs_purge(timestamp: int) -> None:
    """Requests counted by the abuse limits past their longest window, sessions ended long ago."""
    demandes_limitees_purger()
    compteurs_fenetre_purger()
    sessions_purger()
