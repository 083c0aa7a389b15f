"""« Appeler un agent » : the kiosk asks for help; agents see which borne asks in the admin."""

import pytest
from rest_framework.test import APIClient

from apps.borne_auth.models import AppelAgent, Borne

pytestmark = pytest.mark.django_db
APPEL = "/api/v1/borne/appel-agent/"


def test_la_borne_appelle_un_agent(borne_api):
    reponse = borne_api.post(APPEL, {}, format="json")
    assert reponse.status_code == 201
    appel = AppelAgent.objects.get()
    assert appel.borne == Borne.objects.get(identifiant="BZV-DEMO-01")
    assert appel.traite_le is None
    assert reponse.json()["id"] == appel.id


def test_un_second_appel_en_attente_ne_double_pas(borne_api):
    borne_api.post(APPEL, {}, format="json")
    reponse = borne_api.post(APPEL, {}, format="json")
    assert reponse.status_code == 201
    assert AppelAgent.objects.count() == 1


@pytest.mark.parametrize("cle", [None, "mauvaise-cle"])
def test_sans_borne_reconnue_aucun_appel(demo, settings, cle):
    settings.BORNE_REQUIRED = False  # even when sign-in tolerates an unknown kiosk
    client = APIClient()
    if cle:
        client.credentials(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=cle)
    reponse = client.post(APPEL, {}, format="json")
    assert reponse.status_code == 401
    assert reponse.json()["code"] == "borne_inconnue"
    assert AppelAgent.objects.count() == 0


def test_l_admin_montre_la_borne_qui_appelle(borne_api, admin_client):
    borne_api.post(APPEL, {}, format="json")
    page = admin_client.get("/admin/borne_auth/appelagent/")
    assert page.status_code == 200
    assert "BZV-DEMO-01" in page.content.decode()
