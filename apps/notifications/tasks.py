"""Notification jobs on the Procrastinate queue `notifications` (docs/sms-whatsapp.md).

One job per outbox row, deferred in the event's transaction; a queueing lock per row keeps a
single waiting job, and the row lock inside the send keeps a single message whatever the retries.
"""

import logging

from procrastinate import RetryStrategy
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from apps.notifications import services

logger = logging.getLogger(__name__)

# 2 s, 4 s, 8 s … about 70 minutes in all; then the row is marked echec for the agents.
TENTATIVES_MAX = 12
REESSAIS = RetryStrategy(max_attempts=TENTATIVES_MAX, exponential_wait=2, wait=0)


@app.task(name="notifications.envoyer", queue="notifications", retry=REESSAIS)
def notification_envoyer(notification_id: int) -> None:
    services.notification_envoyer(notification_id=notification_id, tentatives_max=TENTATIVES_MAX)


def envoi_differer(*, notification_id: int) -> None:
    try:
        notification_envoyer.configure(queueing_lock=f"notification:{notification_id}").defer(
            notification_id=notification_id
        )
    except AlreadyEnqueued:  # its job is already waiting
        pass


@app.periodic(cron="*/5 * * * *", periodic_id="notifications_en_attente")
@app.task(name="periodique.notifications_en_attente", queue="periodiques", queueing_lock="notifications_en_attente")
def notifications_en_attente(timestamp: int) -> None:
    """Rows written while no channel was configured (or whose job was lost) get their job."""
    services.notifications_en_attente_relancer()


@app.periodic(cron="*/30 * * * *", periodic_id="rappels")
@app.task(name="periodique.rappels", queue="periodiques", queueing_lock="rappels")
def rappels(timestamp: int) -> None:
    """Échéance and expiration reminders, only within the daytime window (checked inside)."""
    from apps.notifications.rappels import rappels_envoyer

    nombre = rappels_envoyer()
    if nombre:
        logger.info("Rappels : %s message(s) planifié(s)", nombre)
