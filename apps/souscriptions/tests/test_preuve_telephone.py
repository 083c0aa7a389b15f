"""Account takeover for 100 FCFA: a souscription attaches to a telephone only with its holder's proof."""

import pytest

from apps.clients.models import Client
from apps.souscriptions.models import Souscription
from apps.souscriptions.tests.test_souscription_borne import NOUVEAU, URL, lignes

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
