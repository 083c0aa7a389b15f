"""French formats used in documents: 5 000 FCFA, 01/03/2024."""

from datetime import date, datetime

from django.utils import timezone


def fcfa(montant: int | None) -> str:
    if montant is None:
        return "—"
    signe = "-" if montant < 0 else ""
    return f"{signe}{abs(int(montant)):,} FCFA".replace(",", " ")


def jour(valeur: date | datetime | None) -> str:
    if valeur is None:
        return "—"
    if isinstance(valeur, datetime):
        valeur = timezone.localtime(valeur)
    return f"{valeur:%d/%m/%Y}"


def moment(valeur: datetime) -> str:
    return f"{timezone.localtime(valeur):%d/%m/%Y à %H:%M}"
