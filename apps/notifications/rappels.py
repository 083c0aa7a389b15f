"""Échéance and expiration reminders (docs/sms-whatsapp.md, « Rappels »).

Sent between RAPPELS_HEURE_DEBUT and RAPPELS_HEURE_FIN, Brazzaville time; at most one reminder a
day per client (a second one due waits for the next day: its window is several days wide);
clients who refused reminders get none. Each reminder's key names its échéance or expiration,
so it leaves once whatever the number of runs.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.core.dates import aujourdhui
from apps.notifications import textes
from apps.notifications.models import RAPPELS, Notification, PreferenceNotification
from apps.notifications.services import notifier


def dans_la_fenetre(maintenant: datetime | None = None) -> bool:
    heure = timezone.localtime(maintenant or timezone.now()).hour  # TIME_ZONE is Africa/Brazzaville
    return settings.RAPPELS_HEURE_DEBUT <= heure < settings.RAPPELS_HEURE_FIN


def _date(jour) -> str:
    return jour.strftime("%d/%m/%Y")


def rappels_candidats(jour) -> list[dict]:
    """Every reminder due today, oldest need first (a missed échéance before a coming one)."""
    from apps.souscriptions.models import Contrat, Cotisation

    candidats = []
    cotisations = Cotisation.objects.filter(reste_a_payer__gt=0, souscription__statut="activee").select_related(
        "client"
    )
    for cotisation in cotisations.filter(
        date_debut__lte=jour - timedelta(days=7), date_debut__gt=jour - timedelta(days=30)
    ):
        candidats.append(
            {
                "cle": f"echeance_manquee:{cotisation.numero_quittance}",
                "evenement": "echeance_manquee",
                "client": cotisation.client,
                "message": textes.echeance_manquee(
                    montant=cotisation.reste_a_payer, date=_date(cotisation.date_debut), police=cotisation.numero_police
                ),
            }
        )
    for cotisation in cotisations.filter(date_debut__gt=jour, date_debut__lte=jour + timedelta(days=3)):
        candidats.append(
            {
                "cle": f"echeance_proche:{cotisation.numero_quittance}",
                "evenement": "echeance_proche",
                "client": cotisation.client,
                "message": textes.echeance_proche(
                    montant=cotisation.reste_a_payer, date=_date(cotisation.date_debut), police=cotisation.numero_police
                ),
            }
        )
    contrats = Contrat.objects.select_related("client")
    for contrat in contrats.filter(date_expiration__lt=jour, date_expiration__gte=jour - timedelta(days=7)):
        candidats.append(
            {
                "cle": f"expiration:{contrat.numero_police}:{contrat.date_expiration}",
                "evenement": "expiration",
                "client": contrat.client,
                "message": textes.expiration(police=contrat.numero_police),
            }
        )
    for contrat in contrats.filter(date_expiration__gte=jour, date_expiration__lte=jour + timedelta(days=30)):
        candidats.append(
            {
                "cle": f"expiration_proche:{contrat.numero_police}:{contrat.date_expiration}",
                "evenement": "expiration_proche",
                "client": contrat.client,
                "message": textes.expiration_proche(police=contrat.numero_police, date=_date(contrat.date_expiration)),
            }
        )
    return candidats


@transaction.atomic
def rappels_envoyer(*, maintenant: datetime | None = None) -> int:
    if not dans_la_fenetre(maintenant):
        return 0
    jour = aujourdhui()
    debut_du_jour = timezone.localtime(maintenant or timezone.now()).replace(hour=0, minute=0, second=0, microsecond=0)
    deja_servis = set(
        Notification.objects.filter(evenement__in=RAPPELS, date_creation__gte=debut_du_jour).values_list(
            "client_id", flat=True
        )
    )
    deja_servis |= set(PreferenceNotification.objects.filter(rappels_refuses=True).values_list("client_id", flat=True))
    deja_envoyes = set(Notification.objects.filter(evenement__in=RAPPELS).values_list("cle", flat=True))
    nombre = 0
    for candidat in rappels_candidats(jour):
        client = candidat["client"]
        if client.pk in deja_servis or candidat["cle"] in deja_envoyes:
            continue
        if notifier(
            cle=candidat["cle"],
            evenement=candidat["evenement"],
            telephone=client.telephone,
            client=client,
            message=candidat["message"],
        ):
            deja_servis.add(client.pk)
            nombre += 1
    return nombre
