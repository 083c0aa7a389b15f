"""Periodic jobs on the Procrastinate queue `periodiques` (docs/paiements.md).

Each one runs once per tick whatever the number of workers (Procrastinate deduplicates
periodic deferrals), and a failing run is simply retried at the next tick.
"""

import logging

from django.db import IntegrityError
from procrastinate.contrib.django import app
from procrastinate.exceptions import UniqueViolation
from procrastinate.jobs import Status

logger = logging.getLogger(__name__)


@app.periodic(cron="* * * * *", periodic_id="reconciliation")
@app.task(name="periodique.reconciliation", queue="periodiques", queueing_lock="reconciliation")
def reconciliation(timestamp: int) -> None:
    """Every pending MoMo transaction whose check is due gets its check job (none is forgotten)."""
    from apps.mtn_integration.services import reconcilier

    nombre = reconcilier()
    if nombre:
        logger.info("Réconciliation MoMo : %s vérification(s) planifiée(s)", nombre)


@app.periodic(cron="*/10 * * * *", periodic_id="souscriptions_abandonnees")
@app.task(name="periodique.souscriptions_abandonnees", queue="periodiques", queueing_lock="abandons")
def souscriptions_abandonnees(timestamp: int) -> None:
    from apps.souscriptions.services import souscriptions_abandonnees_annuler

    souscriptions_abandonnees_annuler()


@app.periodic(cron="*/10 * * * *", periodic_id="tentatives_purge")
@app.task(name="periodique.tentatives_purge", queue="periodiques", queueing_lock="purge_tentatives")
def tentatives_purge(timestamp: int) -> None:
    """Failed sign-ins older than the lockout window no longer count."""
    from apps.borne_auth.services import tentatives_purger

    tentatives_purger()


@app.periodic(cron="17 * * * *", periodic_id="compteurs_purge")
@app.task(name="periodique.compteurs_purge", queue="periodiques", queueing_lock="purge_compteurs")
def compteurs_purge(timestamp: int) -> None:
    """Requests counted by the abuse limits past their longest window, sessions ended long ago."""
    from apps.borne_auth.services import sessions_purger
    from apps.core.limites import demandes_limitees_purger
    from apps.core.services import compteurs_fenetre_purger

    demandes_limitees_purger()
    compteurs_fenetre_purger()
    sessions_purger()


@app.periodic(cron="* * * * *", periodic_id="travaux_bloques")
@app.task(name="periodique.travaux_bloques", queue="periodiques", queueing_lock="travaux_bloques")
async def travaux_bloques(timestamp: int) -> None:
    await travaux_bloques_relancer()


async def travaux_bloques_relancer(*, secondes_sans_battement: float = 30) -> int:
    """Jobs of a worker that died (no heartbeat) go back to the queue (Procrastinate's recipe)."""
    relances = 0
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=secondes_sans_battement):
        try:
            await app.job_manager.retry_job(job)
        except (UniqueViolation, IntegrityError):
            # Its queueing lock is taken: the same work is already queued again (the next run of
            # a periodic job). This one is closed as failed; the sweep goes on with the others.
            logger.warning("Travail %s bloqué, déjà remplacé dans la file : marqué en échec", job.id)
            await app.job_manager.finish_job(job, status=Status.FAILED, delete_job=False)
            continue
        logger.warning("Travail %s bloqué (travailleur disparu) : relancé", job.id)
        relances += 1
    return relances
