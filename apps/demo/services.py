"""The demo data (README, « Données de démonstration »), built relative to the day it is loaded.

Every contrat started in 2024 and was renewed each year since, so that it is alive on the
load day, except where the README's demo table says otherwise. Loading twice gives the same
rows: each row is found by a natural key before being created.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from apps.agents.models import Agent
from apps.borne_auth.models import Borne
from apps.clients.models import Client
from apps.core.dates import aujourdhui
from apps.paiements.models import Paiement
from apps.produits.models import ECHEANCES_PAR_AN, Produit
from apps.produits.services import produits_charger_reference
from apps.sinistres.models import Sinistre
from apps.souscriptions.models import Beneficiaire, NumeroPolice, Souscription
from apps.souscriptions.selectors import montant_echeance

DEMO_BORNE_ID = "BZV-DEMO-01"
DEMO_AGENT_MATRICULE = "AGT001"


@dataclass(frozen=True)
class DemoContrat:
    telephone: str
    produit: str
    numero_souscription: str
    police: str | None
    montant_prime: int
    periodicite: str
    date_effet_2024: date | None  # None: starts on the load day (not a 2024 contrat)
    echeances_impayees: int = 0  # the last N started échéances left unpaid
    expire_depuis_jours: int | None = None
    statut: str = "activee"
    canal: str = "ussd"


CLIENTS = [
    ("+242061234567", "KONGO", "Jean Baptiste", "Poto-Poto"),
    ("+242059876543", "MOUKOKO", "Marie Claire", "Bacongo"),
    ("+242042345678", "NGOUABI", "Pierre", "Moungali"),
    ("+242065551234", "MAKOSSO", "Gisèle", "Ouenzé"),
    ("+242066667788", "OKOKO", "André", "Makélékélé"),
]

CONTRATS = [
    DemoContrat(
        "+242061234567", "KIMIA", "PASS-KIMIA-2024-000001", "CG-2024-VIE-001", 5000, "trimestrielle", date(2024, 3, 1)
    ),
    DemoContrat(
        "+242061234567",
        "BATELA",
        "PASS-BATELA-2024-000001",
        "CG-2024-EPG-001",
        60000,
        "mensuelle",
        date(2024, 6, 10),
        echeances_impayees=2,
    ),
    DemoContrat(
        "+242059876543", "SALISA", "PASS-SALISA-2024-000001", "CG-2024-SAN-001", 7500, "annuelle", date(2024, 1, 20)
    ),
    DemoContrat(
        "+242042345678",
        "KIMIA",
        "PASS-KIMIA-2024-000002",
        "CG-2024-VIE-002",
        6000,
        "mensuelle",
        None,
        expire_depuis_jours=20,
    ),
    DemoContrat(
        "+242065551234",
        "SALISA",
        "PASS-SALISA-DEMO",
        None,
        7500,
        "annuelle",
        None,
        statut="en_attente_paiement",
        canal="borne",
    ),
    DemoContrat("+242066667788", "KIMIA", "PASS-KIMIA-DEMO", None, 5000, "trimestrielle", None),
]


def _moment(jour: date, heure: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(jour, time(heure)))


def _dates(contrat: DemoContrat, jour: date) -> tuple[date, date]:
    """(date_effet, date_expiration) of a demo contrat on the load day."""
    if contrat.expire_depuis_jours is not None:
        # Expired N days ago after yearly renewals since a start in 2024 (at least one year).
        fin = jour - timedelta(days=contrat.expire_depuis_jours)
        annees = max(1, (fin + timedelta(days=1)).year - 2024)
        return fin + timedelta(days=1) - relativedelta(years=annees), fin
    if contrat.date_effet_2024 is None:
        debut = jour if contrat.statut != "activee" else jour - timedelta(days=3)
        return debut, debut + relativedelta(years=1) - timedelta(days=1)
    annees = 1
    while contrat.date_effet_2024 + relativedelta(years=annees) - timedelta(days=1) < jour:
        annees += 1
    return contrat.date_effet_2024, contrat.date_effet_2024 + relativedelta(years=annees) - timedelta(days=1)


def _echeances_commencees(contrat: DemoContrat, effet: date, expiration: date, jour: date):
    """(rang, date_debut, montant_du) of every échéance started on or before the load day."""
    n = ECHEANCES_PAR_AN[contrat.periodicite]
    rang = 1
    while True:
        debut = effet + relativedelta(months=(rang - 1) * 12 // n)
        if debut > min(jour, expiration):
            return
        montant = montant_echeance(montant_prime=contrat.montant_prime, periodicite=contrat.periodicite, rang=rang)
        yield rang, debut, montant
        rang += 1


def _type_paiement(rang: int, n: int) -> str:
    if rang == 1:
        return Paiement.Type.SOUSCRIPTION_INITIALE
    return Paiement.Type.RENOUVELLEMENT if (rang - 1) % n == 0 else Paiement.Type.COTISATION


@transaction.atomic
def charger_demo() -> dict:
    """Load (or refresh) the demo data; returns the demo credentials for printing."""
    borne_cle = getattr(settings, "DEMO_BORNE_KEY", "")
    agent_mot_de_passe = getattr(settings, "DEMO_AGENT_PASSWORD", "")
    if not borne_cle or not agent_mot_de_passe:
        raise ImproperlyConfigured(
            "Données de démonstration réservées au développement : DEMO_BORNE_KEY et "
            "DEMO_AGENT_PASSWORD doivent être définis (settings local)."
        )
    jour = aujourdhui()
    produits = {p.code: p for p in produits_charger_reference()}

    borne, _ = Borne.objects.get_or_create(
        identifiant=DEMO_BORNE_ID,
        defaults={"libelle": "Borne de démonstration", "agence": "Agence Brazzaville Centre"},
    )
    borne.definir_cle(borne_cle)
    borne.actif = True
    borne.save()

    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(username=DEMO_AGENT_MATRICULE.lower())
    user.is_staff = True
    user.first_name, user.last_name = "Aline", "MBEMBA"
    user.set_password(agent_mot_de_passe)
    user.save()
    agent, _ = Agent.objects.update_or_create(
        matricule=DEMO_AGENT_MATRICULE,
        defaults={
            "user": user,
            "nom": "MBEMBA",
            "prenom": "Aline",
            "telephone": "+242068889900",
            "agence": "Agence Brazzaville Centre",
            "poste": "Chargée de clientèle",
            "actif": True,
        },
    )
    from apps.agents.services import agent_assigner_groupe

    agent_assigner_groupe(agent=agent, superviseur=False)

    clients = {}
    for telephone, nom, prenom, quartier in CLIENTS:
        clients[telephone], _ = Client.objects.get_or_create(
            telephone=telephone,
            defaults={"nom": nom, "prenom": prenom, "adresse": quartier, "ville": "Brazzaville"},
        )

    for contrat in CONTRATS:
        _charger_contrat(contrat, clients[contrat.telephone], produits[contrat.produit], borne, jour)

    kimia = Souscription.objects.get(numero_souscription="PASS-KIMIA-2024-000001")
    for nom, prenom, lien, part in [("KONGO", "Marie", "conjoint", 50), ("KONGO", "Junior", "enfant", 50)]:
        Beneficiaire.objects.get_or_create(
            souscription=kimia, nom=nom, prenom=prenom, defaults={"lien": lien, "part_pourcentage": part}
        )

    salisa = Souscription.objects.get(numero_souscription="PASS-SALISA-2024-000001")
    Sinistre.objects.update_or_create(
        souscription=salisa,
        description="Hospitalisation de 3 nuits au CHU de Brazzaville (paludisme).",
        defaults={
            "type": Sinistre.Type.HOSPITALISATION,
            "date_survenance": max(salisa.date_effet, jour - timedelta(days=12)),
            "montant_reclame": 45000,
            "statut": Sinistre.Statut.EN_INSTRUCTION,
            "canal": "agence",
            "instructeur": user,
        },
    )

    return {
        "borne": {"identifiant": DEMO_BORNE_ID, "cle": borne_cle},
        "agent": {"identifiant": user.username, "mot_de_passe": agent_mot_de_passe, "matricule": agent.matricule},
        "clients": [{"police": c.police, "telephone": c.telephone} for c in CONTRATS if c.police],
        "jour": jour,
    }


def _charger_contrat(contrat: DemoContrat, client: Client, produit: Produit, borne: Borne, jour: date):
    effet, expiration = _dates(contrat, jour)
    numero = contrat.numero_souscription
    if numero.endswith("-DEMO"):
        # Current-year demo souscriptions: a real-looking number, stable across reloads.
        numero = f"PASS-{produit.code}-{effet.year}-{900001 if produit.code == 'SALISA' else 900002}"
    souscription, _ = Souscription.objects.update_or_create(
        client=client,
        produit=produit,
        defaults={
            "numero_souscription": numero,
            "montant_prime": contrat.montant_prime,
            "periodicite": contrat.periodicite,
            "date_souscription": _moment(effet, 9),
            "date_effet": effet,
            "date_expiration": expiration,
            "statut": contrat.statut,
            "canal": contrat.canal,
            "borne": borne if contrat.canal == "borne" else None,
        },
    )
    if contrat.statut != "activee":
        return
    n = ECHEANCES_PAR_AN[contrat.periodicite]
    echeances = list(_echeances_commencees(contrat, effet, expiration, jour))
    a_payer = echeances[: len(echeances) - contrat.echeances_impayees] if echeances else []
    for rang, debut, montant in a_payer:
        Paiement.objects.get_or_create(
            reference=f"DEMO-{numero}-{rang:03d}",
            defaults={
                "souscription": souscription,
                "montant": montant,
                "type_paiement": _type_paiement(rang, n),
                "mode_paiement": Paiement.Mode.MTN_MOMO,
                "numero_payeur": client.telephone,
                "statut": Paiement.Statut.SUCCES,
                "reference_operateur": f"DEMO{souscription.pk:05d}{rang:04d}",
                "canal": contrat.canal,
                "date_initiation": _moment(debut),
                "date_confirmation": _moment(debut, 11),
            },
        )
    if contrat.police and not hasattr(souscription, "police"):
        NumeroPolice.objects.create(
            souscription=souscription,
            numero_police=contrat.police,
            mode_attribution=NumeroPolice.Mode.AUTOMATIQUE,
            date_attribution=_moment(effet, 12),
        )


def demo_en_base() -> list[str]:
    """What of the demo data this database holds (its borne, its agent, its clients)."""
    trouve = []
    if Borne.objects.filter(identifiant=DEMO_BORNE_ID).exists():
        trouve.append(f"la borne {DEMO_BORNE_ID}")
    if (
        Agent.objects.filter(matricule=DEMO_AGENT_MATRICULE).exists()
        or get_user_model().objects.filter(username=DEMO_AGENT_MATRICULE.lower()).exists()
    ):
        trouve.append(f"l'agent {DEMO_AGENT_MATRICULE}")
    clients = Client.objects.filter(telephone__in=[telephone for telephone, *_ in CLIENTS]).count()
    if clients:
        trouve.append(f"{clients} client(s) de démonstration")
    return trouve
