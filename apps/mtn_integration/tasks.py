"""MoMo jobs on the Procrastinate queue (docs/paiements.md, « Files de travaux »).

- queue `momo_envoi`: one job per request-to-pay, deferred in the paiement's own database
  transaction (a rolled-back paiement leaves no job; a committed one always has its job).
- queue `momo_verification`: status checks; at most one waiting check per transaction
  (queueing lock) and one running job per transaction (lock shared with its sending).
A job that fails (database down, unexpected error) is retried with backoff; the worker lives on.
"""

import logging
import uuid
from datetime import datetime

from django.db import connection, transaction
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from apps.mtn_integration import services
from apps.mtn_integration.models import TransactionMomo

logger = logging.getLogger(__name__)

# 2 s, 4 s, 8 s … about 17 minutes at the 10th try, then 30 more tries at that pace at most.
REESSAIS = RetryStrategy(max_attempts=40, exponential_wait=2, wait=0)


def _verrou(reference_id) -> str:
    return f"momo:{reference_id}"


@app.task(name="momo.envoyer", queue="momo_envoi", retry=REESSAIS)
def momo_envoyer(reference_id: str) -> None:
    try:
        transaction_momo = services.transaction_envoyer(reference_id=uuid.UUID(reference_id))
    except TransactionMomo.DoesNotExist:  # nothing to send: retrying would not change that
        logger.warning("Envoi MoMo : transaction %s introuvable", reference_id)
        return
    _planifier_suivante(transaction_momo)


@app.task(name="momo.verifier", queue="momo_verification", retry=REESSAIS)
def momo_verifier(reference_id: str, source: str = "verification") -> None:
    try:
        transaction_momo = services.transaction_verifier(reference_id=uuid.UUID(reference_id), source=source)
    except TransactionMomo.DoesNotExist:
        logger.warning("Vérification MoMo : transaction %s introuvable", reference_id)
        return
    _planifier_suivante(transaction_momo)


def _planifier_suivante(transaction_momo) -> None:
    prochaine = services.verification_suivante(transaction_momo=transaction_momo)
    if prochaine is not None:
        verification_differer(reference_id=transaction_momo.reference_id, quand=prochaine, avancer=False)


def envoi_differer(*, reference_id: uuid.UUID) -> None:
    momo_envoyer.configure(lock=_verrou(reference_id)).defer(reference_id=str(reference_id))


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
            momo_verifier.configure(lock=_verrou(reference_id), queueing_lock=verrou_de_file, schedule_at=quand).defer(
                reference_id=str(reference_id), source=source
            )
    except AlreadyEnqueued:  # one is already due: it will do
        pass
