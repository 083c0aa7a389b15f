"""Abuse limits: payment prompts per payer, session and borne; subscriptions per borne and telephone.

Counted in the database under advisory locks: N means N, also with 50 requests at the same moment.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from apps.core.models import DemandeLimitee
from apps.core.tests.concurrence import en_meme_temps
from apps.paiements.models import Paiement
from apps.paiements.tests.apis.test_paiements_momo import payer
from apps.souscriptions.models import Souscription
from apps.souscriptions.tests.apis.test_souscription_borne import NOUVEAU, URL, lignes

pytestmark = pytest.mark.django_db


def refus_429(reponse, avant_paiements):
    assert reponse.status_code == 429, reponse.content
    corps = reponse.json()
    assert corps["code"] == "limite_atteinte" and "Réessayez dans" in corps["message"]
    assert int(reponse["Retry-After"]) == corps["details"]["retry_after"] > 0
    assert Paiement.objects.count() == avant_paiements  # nothing written for a refused request
    return corps


def demander(client, **corps):
    """One payment request, then the payer refuses it on the phone: the contrat may be asked again
    (one pending payment per contrat is another rule, docs/paiements.md)."""
    reponse = payer(client, montant=1000, **corps)
    Paiement.objects.filter(statut="en_attente").update(statut="echec", motif_echec="Refusé par le payeur.")
    return reponse


def test_3_demandes_par_payeur_en_10_minutes(jean):  # noqa: F811
    for _ in range(3):
        assert demander(jean, numero_payeur="+242069990001").status_code == 202
    corps = refus_429(demander(jean, numero_payeur="+242069990001"), Paiement.objects.count())
    assert 9 * 60 < corps["details"]["retry_after"] <= 10 * 60
    # Another payer is not concerned; the window slides.
    assert demander(jean, numero_payeur="+242069990002").status_code == 202
    DemandeLimitee.objects.update(date=timezone.now() - timedelta(minutes=10, seconds=1))
    assert demander(jean, numero_payeur="+242069990001").status_code == 202


def test_10_demandes_par_payeur_et_par_jour(jean, settings):  # noqa: F811
    settings.LIMITE_PAIEMENTS_PAR_SESSION_HEURE = 100
    for i in range(10):
        assert demander(jean, numero_payeur="+242069990001").status_code == 202
        DemandeLimitee.objects.update(date=timezone.now() - timedelta(minutes=11 + i))
    refus_429(demander(jean, numero_payeur="+242069990001"), Paiement.objects.count())


def test_10_demandes_par_session_et_par_heure(jean):  # noqa: F811
    for i in range(10):
        assert demander(jean, numero_payeur=f"+24206999{i:04d}").status_code == 202
    refus_429(demander(jean, numero_payeur="+242069998888"), Paiement.objects.count())


def test_demandes_par_borne_et_par_heure(jean, settings):  # noqa: F811
    settings.LIMITE_PAIEMENTS_PAR_BORNE_HEURE = 4
    for i in range(4):
        assert demander(jean, numero_payeur=f"+24206999{i:04d}").status_code == 202
    refus_429(demander(jean, numero_payeur="+242069998888"), Paiement.objects.count())


def autre_client(i: int) -> dict:
    telephone = f"+24206888{i:04d}"
    return {**NOUVEAU, "client": {**NOUVEAU["client"], "telephone": telephone}, "numero_payeur": telephone}


def test_souscriptions_par_borne_et_par_heure(borne_api, sandbox, settings):
    settings.LIMITE_SOUSCRIPTIONS_PAR_BORNE_HEURE = 3
    for i in range(3):
        assert borne_api.post(URL, autre_client(i), format="json").status_code == 201
    avant = lignes()
    reponse = borne_api.post(URL, autre_client(3), format="json")
    assert reponse.status_code == 429 and reponse.json()["code"] == "limite_atteinte"
    assert lignes() == avant


def test_2_souscriptions_en_attente_de_premier_paiement_par_telephone(borne_api, sandbox):
    for produit, prime in (("KIMIA", 6000), ("SALISA", 7500)):
        corps = {**NOUVEAU, "produit": produit, "montant_prime": prime, "periodicite": "annuelle", "beneficiaires": []}
        assert borne_api.post(URL, corps, format="json").status_code == 201
    avant = lignes()
    reponse = borne_api.post(URL, {**NOUVEAU, "produit": "BATELA", "montant_prime": 12000}, format="json")
    assert reponse.status_code == 429
    assert "2 souscriptions en attente" in reponse.json()["message"]
    assert int(reponse["Retry-After"]) > 6 * 24 * 3600  # until the oldest one is abandoned (7 days)
    assert lignes() == avant


@pytest.mark.django_db(transaction=True)
def test_50_demandes_simultanees_pour_un_payeur_3_passent(settings):
    """The count itself under 50 requests at the same moment, each in its own transaction and
    connection (through the API they would also meet the one-pending-payment rule of the contrat)."""
    from django.db import transaction

    from apps.core.limites import LimiteAtteinte
    from apps.paiements.limites import paiement_limites_appliquer

    def demander_en_meme_temps(i):
        try:
            with transaction.atomic():
                paiement_limites_appliquer(numero_payeur="+242069990001", session_id=f"session-{i}")
            return 202
        except LimiteAtteinte:
            return 429

    codes = en_meme_temps(demander_en_meme_temps, 50)
    assert sorted(codes) == [202] * 3 + [429] * 47, codes
    assert DemandeLimitee.objects.filter(cle__startswith="paiements:payeur:+242069990001:10min").count() == 3


@pytest.mark.django_db(transaction=True)
def test_50_souscriptions_simultanees_d_une_borne_30_passent(sandbox, settings):
    from apps.demo.services import charger_demo

    charger_demo()

    def souscrire(i):
        borne = APIClient()
        borne.credentials(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY)
        return borne.post(URL, autre_client(i), format="json").status_code

    codes = en_meme_temps(souscrire, 50)
    assert sorted(codes) == [201] * 30 + [429] * 20, codes
    assert (
        Souscription.objects.filter(borne__identifiant="BZV-DEMO-01", client__telephone__startswith="+24206888").count()
        == 30
    )
