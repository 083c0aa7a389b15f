"""The three APIs that start a payment keep their Idempotency-Keys in one way (IdempotenceMixin):
per kiosk, per address without a kiosk, per client for a signed-in payment (docs/paiements.md)."""

import pytest

from apps.paiements.models import Paiement, RequeteIdempotente
from apps.paiements.tests.apis.test_paiements_momo import payer
from apps.souscriptions.models import Souscription
from apps.souscriptions.tests.apis.test_souscription_borne import NOUVEAU, URL

pytestmark = pytest.mark.django_db


def test_souscription_cle_gardee_par_borne(borne_api, sandbox):
    premiere = borne_api.post(URL, NOUVEAU, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert premiere.status_code == 201, premiere.content
    assert list(RequeteIdempotente.objects.values_list("portee", "code_http")) == [("borne:BZV-DEMO-01", 201)]


def test_sans_borne_cle_gardee_par_adresse(api, demo, sandbox, settings):
    from rest_framework.test import APIClient

    settings.BORNE_REQUIRED = False
    ici, ailleurs = APIClient(REMOTE_ADDR="198.51.100.7"), APIClient(REMOTE_ADDR="203.0.113.9")
    premiere = ici.post(URL, NOUVEAU, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert ici.post(URL, NOUVEAU, format="json", HTTP_IDEMPOTENCY_KEY="k-1").json() == premiere.json()
    # The same key from another address is another request: it runs (and here starts a second PASS).
    autre = ailleurs.post(URL, NOUVEAU, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert autre.status_code == 201 and autre.json() != premiere.json()
    assert set(RequeteIdempotente.objects.values_list("portee", flat=True)) == {
        "adresse:198.51.100.7",
        "adresse:203.0.113.9",
    }
    assert Souscription.objects.filter(client__telephone="+242067770001").count() == 2


def test_relance_du_premier_paiement_rejouee(borne_api, sandbox):
    corps = borne_api.post(URL, {**NOUVEAU, "numero_payeur": "46733123451"}, format="json").json()
    Paiement.objects.filter(reference=corps["paiement"]["reference"]).update(statut="echec")
    url = f"/api/v1/souscriptions/{corps['souscription']['numero_souscription']}/paiement/"
    relance = borne_api.post(url, {"numero_payeur": "+242067770001"}, format="json", HTTP_IDEMPOTENCY_KEY="r-1")
    assert relance.status_code == 202, relance.content
    rejouee = borne_api.post(url, {"numero_payeur": "+242067770001"}, format="json", HTTP_IDEMPOTENCY_KEY="r-1")
    assert rejouee.status_code == 202 and rejouee.json() == relance.json()
    assert (
        Paiement.objects.filter(souscription__numero_souscription=corps["souscription"]["numero_souscription"]).count()
        == 2
    )


def test_paiement_du_client_cle_gardee_par_client(jean):
    reponse = payer(jean, cle="p-1")
    assert reponse.status_code == 202, reponse.content
    (portee,) = RequeteIdempotente.objects.values_list("portee", flat=True)
    assert portee.startswith("client:")
