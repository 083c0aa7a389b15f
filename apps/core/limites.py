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
    """Advisory locks held until the end of the current transaction, taken in a fixed order.

    One statement for all the keys: a payment holds four, and each round trip to PostgreSQL
    counts under load (docs/benchmarks.md, « Paiements »).
    """
    assert connection.in_atomic_block, "a lock must live in the caller's transaction"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(cle, 0)) "
            "FROM (SELECT cle FROM unnest(%s::text[]) AS cle ORDER BY cle) AS ordonnees",
            [sorted(set(cles))],
        )


def _attentes(limites: list[Limite], maintenant) -> list[int]:
    """For each limit, seconds until its window has room again (0: room now); one query for all."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT l.rang, d.date FROM unnest(%s::text[], %s::timestamptz[], %s::int[]) "  # noqa: S608
            f"WITH ORDINALITY AS l(cle, depuis, maximum, rang) "
            f"CROSS JOIN LATERAL (SELECT date FROM {DemandeLimitee._meta.db_table} "
            f"WHERE cle = l.cle AND date > l.depuis ORDER BY date DESC LIMIT l.maximum) AS d",
            [
                [limite.cle for limite in limites],
                [maintenant - limite.fenetre for limite in limites],
                [limite.maximum for limite in limites],
            ],
        )
        dates: dict[int, list] = {}
        for rang, date in cursor.fetchall():
            dates.setdefault(rang - 1, []).append(date)
    attentes = []
    for i, limite in enumerate(limites):
        recentes = dates.get(i, [])
        if len(recentes) < limite.maximum:
            attentes.append(0)
        else:
            plus_vieille = min(recentes)
            attentes.append(max(1, math.ceil((plus_vieille + limite.fenetre - maintenant).total_seconds())))
    return attentes


@transaction.atomic
def limites_consommer(limites: list[Limite]) -> None:
    """Count one request against every limit, or refuse (429) without counting any."""
    verrouiller([limite.cle for limite in limites])
    maintenant = timezone.now()
    attentes = zip(_attentes(limites, maintenant), limites, strict=True)
    refus = [(attente, limite) for attente, limite in attentes if attente]
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
