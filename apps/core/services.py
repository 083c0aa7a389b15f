from datetime import UTC, datetime, timedelta

from django.db import connection
from django.utils import timezone

from apps.core.models import CompteurFenetre


def compteur_suivant(*, cle: str) -> int:
    """Next value of the named counter (1 the first time), safe under concurrency."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO compteurs_pass (cle, valeur) VALUES (%s, 1)
            ON CONFLICT (cle) DO UPDATE SET valeur = compteurs_pass.valeur + 1
            RETURNING valeur
            """,
            [cle],
        )
        return cursor.fetchone()[0]


def _debut_fenetre(fenetre: timedelta) -> datetime:
    secondes = int(fenetre.total_seconds())
    maintenant = int(timezone.now().timestamp())
    return datetime.fromtimestamp(maintenant - maintenant % secondes, tz=UTC)


def _attente(debut: datetime, fenetre: timedelta) -> int:
    """Seconds until the window starting at `debut` ends (at least 1)."""
    return max(1, int((debut + fenetre - timezone.now()).total_seconds()) + 1)


def limite_compter(*, cle: str, maximum: int, fenetre: timedelta) -> int:
    """Count one event for `cle` in the current window: 0 when within `maximum`, else the
    seconds to wait. One atomic statement: concurrent callers never both get the last slot.
    """
    debut = _debut_fenetre(fenetre)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO compteurs_fenetre (cle, debut, nombre) VALUES (%s, %s, 1)
            ON CONFLICT (cle, debut) DO UPDATE SET nombre = compteurs_fenetre.nombre + 1
            RETURNING nombre
            """,
            [cle[:200], debut],
        )
        nombre = cursor.fetchone()[0]
    return 0 if nombre <= maximum else _attente(debut, fenetre)


def limite_atteinte(*, cle: str, maximum: int, fenetre: timedelta) -> int:
    """Seconds to wait when `cle` already counted `maximum` events in this window, else 0."""
    debut = _debut_fenetre(fenetre)
    nombre = CompteurFenetre.objects.filter(cle=cle[:200], debut=debut).values_list("nombre", flat=True).first()
    return _attente(debut, fenetre) if nombre is not None and nombre >= maximum else 0


def compteurs_fenetre_purger() -> int:
    """Delete the windows that ended more than a day ago (no limit is longer than a day)."""
    supprimes, _ = CompteurFenetre.objects.filter(debut__lt=timezone.now() - timedelta(days=2)).delete()
    return supprimes
