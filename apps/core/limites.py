"""Abuse limits counted in the database: shared by every server process, exact under concurrency.

Each limit is a sliding window over the accepted requests of one key. The keys are locked with
transaction-level advisory locks (in a fixed order: no deadlock), then counted, then the request is
recorded, all in the caller's transaction: a refused or rolled-back request counts for nothing.
See docs/securite-identite.md, « Limites ».
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from apps.core.exceptions import ApplicationError
from apps.core.models import DemandeLimitee


class LimiteAtteinte(ApplicationError):
    """429 with Retry-After (the exception handler sets the header from retry_after)."""

    status_code = 429

    def __init__(self, message: str, retry_after: int):
        message = f"{message} Réessayez dans {duree_lisible(retry_after)}."
        super().__init__("limite_atteinte", message, details={"retry_after": retry_after})
        self.retry_after = retry_after


@dataclass(frozen=True)
class Limite:
    cle: str
    maximum: int
    fenetre: timedelta
    message: str


def verrouiller(cles: list[str]) -> None:
    """Advisory locks held until the end of the current transaction, taken in a fixed order."""
    assert connection.in_atomic_block, "a lock must live in the caller's transaction"
    with connection.cursor() as cursor:
        for cle in sorted(set(cles)):
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [cle])


def _attente(limite: Limite, maintenant) -> int:
    """Seconds until the window has room again, 0 when it has room now."""
    dates = list(
        DemandeLimitee.objects.filter(cle=limite.cle, date__gt=maintenant - limite.fenetre)
        .order_by("-date")
        .values_list("date", flat=True)[: limite.maximum]
    )
    if len(dates) < limite.maximum:
        return 0
    return max(1, math.ceil((dates[-1] + limite.fenetre - maintenant).total_seconds()))


@transaction.atomic
def limites_consommer(limites: list[Limite]) -> None:
    """Count one request against every limit, or refuse (429) without counting any."""
    verrouiller([limite.cle for limite in limites])
    maintenant = timezone.now()
    refus = [(attente, limite) for limite in limites if (attente := _attente(limite, maintenant))]
    if refus:
        attente, limite = max(refus, key=lambda r: r[0])
        raise LimiteAtteinte(limite.message, attente)
    DemandeLimitee.objects.bulk_create([DemandeLimitee(cle=limite.cle, date=maintenant) for limite in limites])


def demandes_limitees_purger(*, plus_vieilles_que: timedelta = timedelta(days=1)) -> int:
    """Forget requests older than the longest window (they no longer count)."""
    supprimees, _ = DemandeLimitee.objects.filter(date__lt=timezone.now() - plus_vieilles_que).delete()
    return supprimees


def duree_lisible(secondes: int) -> str:
    """Rounded up to the minute, the hour or the day: « 3 minutes », « 2 heures », « 6 jours »."""
    for unite, nom in ((86400, "jour"), (3600, "heure"), (60, "minute")):
        if secondes > unite or unite == 60:
            n = max(1, -(-secondes // unite))
            return f"{n} {nom}{'s' if n > 1 else ''}"
