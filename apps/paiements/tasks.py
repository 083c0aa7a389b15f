"""Operator jobs on the Procrastinate queue (docs/paiements.md, « Files de travaux »).

- queue `momo_envoi`: one job per request to pay (every operator), deferred in the paiement's
  own database transaction (a rolled-back paiement leaves no job; a committed one always has
  its job). The queue keeps its first name so that queued jobs survive an upgrade.
- queue `momo_verification`: status checks; at most one waiting check per transaction
  (queueing lock) and one running job per transaction (lock shared with its sending).
A job that fails (database down, unexpected error) is retried with backoff; the worker lives on.
Jobs are deferred by name through apps/paiements/travaux.py.
"""

import logging
import uuid

from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from apps.mtn_integration.models import TransactionMomo
from apps.paiements import operateurs
from apps.paiements.travaux import ENVOYER, VERIFIER, verification_differer

logger = logging.getLogger(__name__)

# 2 s, 4 s, 8 s … about 17 minutes at the 10th try, then 30 more tries at that pace at most.
REESSAIS = RetryStrategy(max_attempts=40, exponential_wait=2, wait=0)


@app.task(name=ENVOYER, queue="momo_envoi", retry=REESSAIS)
def momo_envoyer(reference_id: str) -> None:
    try:
        transaction_momo = operateurs.transaction_envoyer(reference_id=uuid.UUID(reference_id))
    except TransactionMomo.DoesNotExist:  # nothing to send: retrying would not change that
        logger.warning("Envoi à l'opérateur : transaction %s introuvable", reference_id)
        return
    _planifier_suivante(transaction_momo)


@app.task(name=VERIFIER, queue="momo_verification", retry=REESSAIS)
def momo_verifier(reference_id: str, source: str = "verification") -> None:
    try:
        transaction_momo = operateurs.transaction_verifier(reference_id=uuid.UUID(reference_id), source=source)
    except TransactionMomo.DoesNotExist:
        logger.warning("Vérification opérateur : transaction %s introuvable", reference_id)
        return
    _planifier_suivante(transaction_momo)


def _planifier_suivante(transaction_momo) -> None:
    prochaine = operateurs.verification_suivante(transaction_momo=transaction_momo)
    if prochaine is not None:
        verification_differer(reference_id=transaction_momo.reference_id, quand=prochaine, avancer=False)


@app.periodic(cron="* * * * *", periodic_id="reconciliation")
@app.task(name="periodique.reconciliation", queue="periodiques", queueing_lock="reconciliation")
def reconciliation(timestamp: int) -> None:
    """Every pending MoMo transaction whose check is due gets its check job (none is forgotten)."""
    nombre = operateurs.reconcilier()
    if nombre:
        logger.info("Réconciliation MoMo : %s vérification(s) planifiée(s)", nombre)
