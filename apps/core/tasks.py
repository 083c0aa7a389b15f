"""The job queue's own upkeep (docs/architecture.md, « La file de travaux »). The periodic jobs of
each domain live in its app's tasks.py (paiements: reconciliation; parcours: abandoned
souscriptions; borne_auth: purges; notifications: outbox and reminders), all on the queue
`periodiques`.

Each one runs once per tick whatever the number of workers (Procrastinate deduplicates
periodic deferrals), and a failing run is simply retried at the next tick.
"""

import logging

from django.db import IntegrityError
from procrastinate.contrib.django import app
from procrastinate.exceptions import UniqueViolation
from procrastinate.jobs import Status

logger = logging.getLogger(__name__)


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
