"""What anyone sending an operator callback gets back: the door of the two callback URLs.

The callbacks are served without DRF's request handling (docs/benchmarks.md, « Rappels
forgés »); these answers must stay those of the API: no CSRF refusal (operators send no
token), empty 200/404, the JSON error body for every other method, the limits at the door.
"""

import json

import pytest
from django.test import Client

from apps.mtn_integration.models import TransactionMomo
from apps.paiements.tests.apis.test_paiements_momo import paiement_envoye

pytestmark = pytest.mark.django_db
MTN = "/api/v1/mtn/callback/"
AIRTEL = "/api/v1/airtel/callback/"


@pytest.fixture
def operateur():
    """A client as an operator is: no cookie, no CSRF token, and the checks enforced."""
    return Client(enforce_csrf_checks=True)


def test_rappel_connu_200_sans_jeton_csrf(operateur, jean):
    transaction_momo = paiement_envoye(jean)
    corps = json.dumps({"externalId": transaction_momo.paiement.reference, "status": "SUCCESSFUL"})
    for methode in ("put", "post"):
        reponse = getattr(operateur, methode)(MTN, corps, content_type="application/json")
        assert (reponse.status_code, reponse.content) == (200, b"")
    assert TransactionMomo.objects.get(pk=transaction_momo.pk).callback_recu


@pytest.mark.parametrize(
    ("methode", "chemin", "corps"),
    [
        ("put", MTN, '{"externalId": "PAY-INCONNU", "status": "SUCCESSFUL"}'),
        ("post", MTN, "{pas du json"),
        ("put", MTN, ""),
        ("post", AIRTEL, '{"transaction": {"id": "x"}, "hash": "faux"}'),
        ("post", AIRTEL, "[1, 2]"),
    ],
)
def test_rappel_inconnu_ou_illisible_404_vide(operateur, demo, methode, chemin, corps):
    reponse = getattr(operateur, methode)(chemin, corps, content_type="application/json")
    assert (reponse.status_code, reponse.content) == (404, b"")
    assert "Content-Type" not in reponse.headers


@pytest.mark.parametrize(
    ("methode", "chemin", "permises"),
    [("get", MTN, "POST, PUT, OPTIONS"), ("delete", MTN, "POST, PUT, OPTIONS"), ("put", AIRTEL, "POST, OPTIONS")],
)
def test_autre_methode_405_corps_d_erreur(operateur, methode, chemin, permises):
    reponse = getattr(operateur, methode)(chemin)
    assert reponse.status_code == 405
    assert reponse.json()["code"] == "methode_non_autorisee"
    assert reponse["Allow"] == permises


def test_limites_a_la_porte(operateur, demo):
    trop_gros = json.dumps({"externalId": "x" * 70_000})
    assert operateur.put(MTN, trop_gros, content_type="application/json").json()["code"] == "corps_trop_volumineux"
    trop_profond = "[" * 50 + "]" * 50
    reponse = operateur.post(AIRTEL, trop_profond, content_type="application/json")
    assert (reponse.status_code, reponse.json()["code"]) == (400, "donnees_illisibles")


def test_rappel_inconnu_sans_ligne_de_journal_une_page_inconnue_en_a_une(operateur, demo, caplog):
    """A flood of forged callbacks must not bury the log (docs/exploitation.md); other 404s stay."""
    caplog.set_level("WARNING", logger="django.request")
    for _ in range(3):
        assert operateur.put(MTN, '{"externalId": "PAY-INCONNU"}', content_type="application/json").status_code == 404
    assert operateur.post(AIRTEL, "{}", content_type="application/json").status_code == 404
    assert [r for r in caplog.records if r.name == "django.request"] == []
    assert operateur.get("/api/v1/nimporte/").status_code == 404
    assert operateur.put("/api/v1/nimporte/callback/", "{}", content_type="application/json").status_code == 404
    assert [r.status_code for r in caplog.records if r.name == "django.request"] == [404, 404]
