"""Account takeover for 100 FCFA: a souscription attaches to a telephone only with its holder's proof."""

import pytest

from apps.clients.models import Client
from apps.souscriptions.models import Souscription
from apps.souscriptions.tests.apis.test_souscription_borne import NOUVEAU, URL, lignes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("telephone", ["+242061234567", "+242067770001"])  # a victim already a client, or not
def test_payeur_autre_que_le_telephone_refuse_avant_toute_ecriture(
    borne_api, sandbox, telephone, django_capture_on_commit_callbacks
):
    avant = lignes()
    attaque = {**NOUVEAU, "client": {**NOUVEAU["client"], "telephone": telephone}, "numero_payeur": "+242069998877"}
    with django_capture_on_commit_callbacks(execute=True):
        reponse = borne_api.post(URL, attaque, format="json")
    assert reponse.status_code == 409, reponse.content
    corps = reponse.json()
    assert corps["code"] == "preuve_telephone_requise"
    assert "téléphone du souscripteur" in corps["message"]
    assert "MTN ou Airtel" in corps["message"] and "code" in corps["message"]  # both ways to prove it
    assert lignes() == avant
    assert sandbox.state.transactions == {}  # no payment prompt sent to anyone


def test_payeur_egal_au_telephone_accepte(borne_api, sandbox):
    reponse = borne_api.post(URL, NOUVEAU, format="json")
    assert reponse.status_code == 201, reponse.content


def test_une_borne_ne_change_jamais_les_noms(borne_api, sandbox):
    corps = {
        **NOUVEAU,
        "client": {**NOUVEAU["client"], "telephone": "+242061234567", "nom": "AUTRE", "prenom": "Personne"},
        "numero_payeur": "+242061234567",
        "beneficiaires": [],
        "produit": "SALISA",
        "montant_prime": 7500,
        "periodicite": "annuelle",
    }
    assert borne_api.post(URL, corps, format="json").status_code == 201
    jean = Client.objects.get(telephone="+242061234567")
    assert (jean.nom, jean.prenom) == ("KONGO", "Jean Baptiste")
    assert Souscription.objects.filter(client=jean).count() == 3


def creer_en_attente(borne_api, django_capture_on_commit_callbacks) -> str:
    """A souscription whose first payment was refused (MTN's test payer 46733123451)."""
    from apps.souscriptions.tests.apis.test_souscription_borne import regler

    with django_capture_on_commit_callbacks(execute=True):
        corps = borne_api.post(URL, {**NOUVEAU, "numero_payeur": "46733123451"}, format="json").json()
    assert regler(corps["paiement"]["reference"]).statut == "echec"
    return corps["souscription"]["numero_souscription"]


def relancer(client, numero, payeur="+242067770001"):
    return client.post(f"/api/v1/souscriptions/{numero}/paiement/", {"numero_payeur": payeur}, format="json")


def test_numero_de_souscription_non_devinable(borne_api, sandbox):
    import re

    numeros = {
        borne_api.post(URL, autre, format="json").json()["souscription"]["numero_souscription"]
        for autre in [
            {**NOUVEAU, "client": {**NOUVEAU["client"], "telephone": t}, "numero_payeur": t}
            for t in ("+242067770011", "+242067770012")
        ]
    }
    assert len(numeros) == 2
    assert all(re.fullmatch(r"PASS-KIMIA-\d{4}-[0-9A-Z]{10}", n) for n in numeros), numeros


def test_relance_d_une_autre_borne_meme_404_qu_un_numero_inconnu(
    borne_api, sandbox, settings, django_capture_on_commit_callbacks
):
    from apps.borne_auth.services import borne_creer

    numero = creer_en_attente(borne_api, django_capture_on_commit_callbacks)
    _, cle = borne_creer(identifiant="PNR-01", libelle="Pointe-Noire", agence="Pointe-Noire")
    autre = borne_api.__class__()
    autre.credentials(HTTP_X_BORNE_ID="PNR-01", HTTP_X_BORNE_KEY=cle)
    etrangere, inconnue = relancer(autre, numero), relancer(borne_api, "PASS-KIMIA-2026-ZZZZZZZZZZ")
    assert etrangere.status_code == inconnue.status_code == 404
    assert etrangere.json() == inconnue.json()


def test_relance_apres_7_jours_404(borne_api, sandbox, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    numero = creer_en_attente(borne_api, django_capture_on_commit_callbacks)
    Souscription.objects.filter(numero_souscription=numero).update(
        date_souscription=timezone.now() - timedelta(days=7, minutes=1)
    )
    assert relancer(borne_api, numero).status_code == 404


def test_relance_avec_un_autre_payeur_exige_la_preuve(borne_api, sandbox, django_capture_on_commit_callbacks):
    from apps.paiements.models import Paiement

    numero = creer_en_attente(borne_api, django_capture_on_commit_callbacks)
    avant = Paiement.objects.count()
    reponse = relancer(borne_api, numero, payeur="+242069998877")
    assert reponse.status_code == 409 and reponse.json()["code"] == "preuve_telephone_requise"
    assert Paiement.objects.count() == avant
    assert relancer(borne_api, numero).status_code == 202  # from the subscriber's own phone
