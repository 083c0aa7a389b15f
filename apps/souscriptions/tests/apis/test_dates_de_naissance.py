"""A date of birth in the future is refused, for the subscriber and for a bénéficiaire alike."""

from datetime import timedelta

import pytest

from apps.core.dates import aujourdhui
from apps.souscriptions.models import Beneficiaire, Souscription
from apps.souscriptions.tests.apis.test_souscription_borne import NOUVEAU, URL

pytestmark = pytest.mark.django_db
FUTUR = "La date de naissance ne peut pas être dans le futur."


def demain() -> str:
    return (aujourdhui() + timedelta(days=1)).isoformat()


def test_souscripteur_ne_dans_le_futur(borne_api):
    corps = {**NOUVEAU, "client": {**NOUVEAU["client"], "date_naissance": demain()}}
    reponse = borne_api.post(URL, corps, format="json")
    assert reponse.status_code == 400
    assert reponse.json()["details"] == {"client": {"date_naissance": [FUTUR]}}
    assert not Souscription.objects.filter(client__telephone="+242067770001").exists()


def test_beneficiaire_ne_dans_le_futur(connecte):
    avant = Beneficiaire.objects.count()
    reponse = connecte().post(
        "/api/v1/contrats/CG-2024-EPG-001/beneficiaires/",
        {"nom": "KONGO", "prenom": "A", "lien": "enfant", "date_naissance": demain()},
        format="json",
    )
    assert reponse.status_code == 400 and reponse.json()["details"] == {"date_naissance": [FUTUR]}
    assert Beneficiaire.objects.count() == avant
