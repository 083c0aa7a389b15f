"""Deferring the operator jobs by their names (the jobs themselves are in apps/paiements/tasks.py).

Kept apart so that the services deferring a job never import the module that runs it: no
import circle between the payment services, the operator core and the jobs.
"""

import uuid
from datetime import datetime

from django.db import connection, transaction
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

# Job names (stable: jobs already queued in a database keep running after an upgrade).
ENVOYER = "momo.envoyer"
VERIFIER = "momo.verifier"


def verrou(reference_id) -> str:
    return f"momo:{reference_id}"


def envoi_differer(*, reference_id: uuid.UUID) -> None:
    """Queue the request to pay in the caller's database transaction (no commit, no job)."""
    app.configure_task(ENVOYER, lock=verrou(reference_id), queue="momo_envoi").defer(reference_id=str(reference_id))


def verification_differer(
    *, reference_id: uuid.UUID, source: str = "verification", quand: datetime | None = None, avancer: bool = True
) -> None:
    """Schedule a status check, unless one is already waiting.

    With `avancer` (a callback, a kiosk asking), a check waiting for a later time is replaced
    by one due now: the new row wakes the workers at once (LISTEN/NOTIFY on insert).
    """
    verrou_de_file = f"verification:{reference_id}"
    try:
        with transaction.atomic():  # a savepoint: a refused insert must not spoil the caller's transaction
            if avancer:
                with connection.cursor() as curseur:
                    curseur.execute(
                        "DELETE FROM procrastinate_jobs "
                        "WHERE queueing_lock = %s AND status = 'todo' AND scheduled_at > now()",
                        [verrou_de_file],
                    )
            app.configure_task(
                VERIFIER,
                lock=verrou(reference_id),
                queueing_lock=verrou_de_file,
                schedule_at=quand,
                queue="momo_verification",
            ).defer(reference_id=str(reference_id), source=source)
    except AlreadyEnqueued:  # one is already due: it will do
        pass
