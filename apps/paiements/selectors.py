from django.db.models import F, QuerySet

from apps.paiements.models import Paiement


def paiements_du_client(*, client_id: int) -> QuerySet:
    """Every paiement of every souscription of the client, newest first, with its police."""
    return (
        Paiement.objects.filter(souscription__client_id=client_id)
        .annotate(
            numero_police=F("souscription__police__numero_police"),
            numero_souscription=F("souscription__numero_souscription"),
        )
        .order_by("-date_initiation", "-id")
    )


def paiements_du_contrat(*, souscription_id: int) -> list[Paiement]:
    return list(
        Paiement.objects.filter(souscription_id=souscription_id)
        .annotate(
            numero_police=F("souscription__police__numero_police"),
            numero_souscription=F("souscription__numero_souscription"),
        )
        .order_by("-date_initiation", "-id")
    )
